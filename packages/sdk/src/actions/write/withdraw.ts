import type { StakingClientBase } from "../../client/createStakingClient.js";
import { sendStaking } from "../../transaction/staking.js";
import type { TransactionResult, WriteOptions } from "../../transaction/types.js";

export type WithdrawParameters = WriteOptions;

/**
 * Pays every matured entry of the caller's unbonding queue. Works while paused.
 *
 * @example
 * await client.withdraw()
 */
export function withdraw(
  client: StakingClientBase,
  options: WithdrawParameters = {},
): Promise<TransactionResult> {
  return sendStaking(client, "withdraw", [], options);
}
