import type { StakingClientBase } from "../../client/createStakingClient.js";
import { sendStaking } from "../../transaction/staking.js";
import type { TransactionResult, WriteOptions } from "../../transaction/types.js";

export type WithdrawSelfStakeParameters = WriteOptions;

/**
 * Pays a provider's matured unbonding self-stake.
 *
 * @example
 * await client.withdrawSelfStake()
 */
export function withdrawSelfStake(
  client: StakingClientBase,
  options: WithdrawSelfStakeParameters = {},
): Promise<TransactionResult> {
  return sendStaking(client, "withdrawSelfStake", [], options);
}
