import type { Address } from "viem";

import type { StakingClientBase } from "../../client/createStakingClient.js";
import { sendStaking } from "../../transaction/staking.js";
import type { TransactionResult, WriteOptions } from "../../transaction/types.js";

export type JailParameters = WriteOptions & { provider: Address };

/**
 * Jails an Active provider (GOVERNANCE_ROLE).
 *
 * @example
 * await client.jail({ provider })
 */
export function jail(
  client: StakingClientBase,
  { provider, ...options }: JailParameters,
): Promise<TransactionResult> {
  return sendStaking(client, "jail", [provider], options);
}
