import type { StakingClientBase } from "../../client/createStakingClient.js";
import { sendStaking } from "../../transaction/staking.js";
import type { TransactionResult, WriteOptions } from "../../transaction/types.js";

export type SetCommissionParameters = WriteOptions & { commissionBps: number };

/**
 * Sets the caller's commission: a decrease applies at once, an increase after the notice period
 * (the CommissionIncreaseScheduled event in the result says when).
 *
 * @example
 * await client.setCommission({ commissionBps: 800 })
 */
export function setCommission(
  client: StakingClientBase,
  { commissionBps, ...options }: SetCommissionParameters,
): Promise<TransactionResult> {
  return sendStaking(client, "setCommission", [commissionBps], options);
}
