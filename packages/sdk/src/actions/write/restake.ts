import type { Address } from "viem";

import type { StakingClientBase } from "../../client/createStakingClient.js";
import { sendStaking } from "../../transaction/staking.js";
import type { TransactionResult, WriteOptions } from "../../transaction/types.js";

export type RestakeParameters = WriteOptions & { provider: Address };

/**
 * Adds the caller's rewards at `provider` to its stake there.
 *
 * @example
 * await client.restake({ provider })
 */
export function restake(
  client: StakingClientBase,
  { provider, ...options }: RestakeParameters,
): Promise<TransactionResult> {
  return sendStaking(client, "restake", [provider], options);
}
