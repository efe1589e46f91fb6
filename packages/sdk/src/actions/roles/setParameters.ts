import type { StakingClientBase } from "../../client/createStakingClient.js";
import { sendStaking } from "../../transaction/staking.js";
import type { TransactionResult, WriteOptions } from "../../transaction/types.js";
import type { Parameters } from "../../types.js";

export type SetParametersParameters = WriteOptions & { parameters: Parameters };

/**
 * Replaces every governance parameter at once (GOVERNANCE_ROLE).
 *
 * @example
 * await client.setParameters({ parameters: { ...(await client.getParameters()), minDelegation: parseAmount("500") } })
 */
export function setParameters(
  client: StakingClientBase,
  { parameters, ...options }: SetParametersParameters,
): Promise<TransactionResult> {
  return sendStaking(client, "setParameters", [parameters], options);
}
