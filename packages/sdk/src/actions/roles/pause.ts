import type { StakingClientBase } from "../../client/createStakingClient.js";
import { sendStaking } from "../../transaction/staking.js";
import type { TransactionResult, WriteOptions } from "../../transaction/types.js";

export type PauseParameters = WriteOptions;

/**
 * Stops new stake; exits keep working (PAUSER_ROLE: the guardian).
 *
 * @example
 * await client.pause()
 */
export function pause(client: StakingClientBase, options: PauseParameters = {}): Promise<TransactionResult> {
  return sendStaking(client, "pause", [], options);
}
