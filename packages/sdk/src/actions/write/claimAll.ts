import type { Address } from "viem";

import type { StakingClientBase } from "../../client/createStakingClient.js";
import { sendStaking } from "../../transaction/staking.js";
import type { TransactionResult, WriteOptions } from "../../transaction/types.js";

export type ClaimAllParameters = WriteOptions & { providers: readonly Address[] };

/**
 * Claims at each of `providers` in one transfer.
 *
 * @example
 * await client.claimAll({ providers: [a, b] })
 */
export function claimAll(
  client: StakingClientBase,
  { providers, ...options }: ClaimAllParameters,
): Promise<TransactionResult> {
  return sendStaking(client, "claimAll", [providers], options);
}
