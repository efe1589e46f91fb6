import type { Address } from "viem";

import type { StakingClientBase } from "../../client/createStakingClient.js";
import { sendStaking } from "../../transaction/staking.js";
import type { TransactionResult, WriteOptions } from "../../transaction/types.js";

export type SetProviderCapParameters = WriteOptions & { provider: Address; maxStake: bigint };

/**
 * Sets a provider's own stake cap, 0 = none (GOVERNANCE_ROLE).
 *
 * @example
 * await client.setProviderCap({ provider, maxStake: parseAmount("2,000,000") })
 */
export function setProviderCap(
  client: StakingClientBase,
  { provider, maxStake, ...options }: SetProviderCapParameters,
): Promise<TransactionResult> {
  return sendStaking(client, "setProviderCap", [provider, maxStake], options);
}
