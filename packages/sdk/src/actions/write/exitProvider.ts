import type { StakingClientBase } from "../../client/createStakingClient.js";
import { sendStaking } from "../../transaction/staking.js";
import type { TransactionResult, WriteOptions } from "../../transaction/types.js";

export type ExitProviderParameters = WriteOptions;

/**
 * The caller stops being a provider; its self-stake unbonds over the provider unbonding period.
 *
 * @example
 * await client.exitProvider()
 */
export function exitProvider(
  client: StakingClientBase,
  options: ExitProviderParameters = {},
): Promise<TransactionResult> {
  return sendStaking(client, "exitProvider", [], options);
}
