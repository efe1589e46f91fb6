import type { Address } from "viem";

import type { StakingClientBase } from "../../client/createStakingClient.js";
import { sendStaking } from "../../transaction/staking.js";
import type { TransactionResult, WriteOptions } from "../../transaction/types.js";

export type ClaimParameters = WriteOptions & { provider: Address };

/**
 * Pays the caller's rewards at `provider` (and its commission, if the caller is it). Works while paused.
 *
 * @example
 * const { events } = await client.claim({ provider })
 */
export function claim(
  client: StakingClientBase,
  { provider, ...options }: ClaimParameters,
): Promise<TransactionResult> {
  return sendStaking(client, "claim", [provider], options);
}
