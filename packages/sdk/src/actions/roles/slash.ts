import type { Address } from "viem";

import type { StakingClientBase } from "../../client/createStakingClient.js";
import { sendStaking } from "../../transaction/staking.js";
import type { TransactionResult, WriteOptions } from "../../transaction/types.js";

export type SlashParameters = WriteOptions & { provider: Address; amount: bigint };

/**
 * Slashes up to `maxSlashBps` of a provider's self-stake to the reward vault (GOVERNANCE_ROLE).
 *
 * @example
 * await client.slash({ provider, amount })
 */
export function slash(
  client: StakingClientBase,
  { provider, amount, ...options }: SlashParameters,
): Promise<TransactionResult> {
  return sendStaking(client, "slash", [provider, amount], options);
}
