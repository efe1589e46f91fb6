import type { Address } from "viem";

import type { StakingClientBase } from "../../client/createStakingClient.js";
import { sendStaking } from "../../transaction/staking.js";
import type { TransactionResult, WriteOptions } from "../../transaction/types.js";

export type AdmitProviderParameters = WriteOptions & { provider: Address };

/**
 * Admits a Pending provider (GOVERNANCE_ROLE: the timelock in production, the admin on a devnet).
 *
 * @example
 * await client.admitProvider({ provider })
 */
export function admitProvider(
  client: StakingClientBase,
  { provider, ...options }: AdmitProviderParameters,
): Promise<TransactionResult> {
  return sendStaking(client, "admitProvider", [provider], options);
}
