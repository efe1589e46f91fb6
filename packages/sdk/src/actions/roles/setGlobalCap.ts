import type { StakingClientBase } from "../../client/createStakingClient.js";
import { sendStaking } from "../../transaction/staking.js";
import type { TransactionResult, WriteOptions } from "../../transaction/types.js";

export type SetGlobalCapParameters = WriteOptions & { globalCap: bigint };

/**
 * Caps the whole pool, 0 = uncapped (GOVERNANCE_ROLE).
 *
 * @example
 * await client.setGlobalCap({ globalCap: parseAmount("50,000,000") })
 */
export function setGlobalCap(
  client: StakingClientBase,
  { globalCap, ...options }: SetGlobalCapParameters,
): Promise<TransactionResult> {
  return sendStaking(client, "setGlobalCap", [globalCap], options);
}
