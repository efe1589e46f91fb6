import type { Address } from "viem";

import type { StakingClientBase } from "../../client/createStakingClient.js";
import { sendStaking } from "../../transaction/staking.js";
import type { TransactionResult, WriteOptions } from "../../transaction/types.js";

export type UnjailParameters = WriteOptions & { provider: Address };

/**
 * Makes a Jailed provider Active again (the provider itself after its cooldown, or governance).
 *
 * @example
 * await client.unjail({ provider })
 */
export function unjail(
  client: StakingClientBase,
  { provider, ...options }: UnjailParameters,
): Promise<TransactionResult> {
  return sendStaking(client, "unjail", [provider], options);
}
