import type { Address } from "viem";

import type { StakingClientBase } from "../../client/createStakingClient.js";
import { sendStaking } from "../../transaction/staking.js";
import type { TransactionResult, WriteOptions } from "../../transaction/types.js";

export type RemoveProviderParameters = WriteOptions & { provider: Address };

/**
 * Removes a provider as if it had exited (GOVERNANCE_ROLE).
 *
 * @example
 * await client.removeProvider({ provider })
 */
export function removeProvider(
  client: StakingClientBase,
  { provider, ...options }: RemoveProviderParameters,
): Promise<TransactionResult> {
  return sendStaking(client, "removeProvider", [provider], options);
}
