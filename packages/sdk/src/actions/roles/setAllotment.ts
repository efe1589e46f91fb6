import type { Address } from "viem";

import type { StakingClientBase } from "../../client/createStakingClient.js";
import { sendStaking } from "../../transaction/staking.js";
import type { TransactionResult, WriteOptions } from "../../transaction/types.js";

export type SetAllotmentParameters = WriteOptions & { account: Address; allotment: bigint };

/**
 * Reserves part of the global cap for `account` (GOVERNANCE_ROLE).
 *
 * @example
 * await client.setAllotment({ account, allotment: parseAmount("1,000,000") })
 */
export function setAllotment(
  client: StakingClientBase,
  { account, allotment, ...options }: SetAllotmentParameters,
): Promise<TransactionResult> {
  return sendStaking(client, "setAllotment", [account, allotment], options);
}
