import type { StakingClientBase } from "../../client/createStakingClient.js";
import { sendStaking } from "../../transaction/staking.js";
import type { TransactionResult, WriteOptions } from "../../transaction/types.js";

export type UnpauseParameters = WriteOptions;

/**
 * Lets new stake in again (GOVERNANCE_ROLE).
 *
 * @example
 * await client.unpause()
 */
export function unpause(
  client: StakingClientBase,
  options: UnpauseParameters = {},
): Promise<TransactionResult> {
  return sendStaking(client, "unpause", [], options);
}
