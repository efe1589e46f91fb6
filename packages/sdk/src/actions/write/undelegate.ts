import type { Address } from "viem";

import type { StakingClientBase } from "../../client/createStakingClient.js";
import { sendStaking } from "../../transaction/staking.js";
import type { TransactionResult, WriteOptions } from "../../transaction/types.js";

export type UndelegateParameters = WriteOptions & { provider: Address; amount: bigint };

/**
 * Moves `amount` out of earning into the caller's unbonding queue (released after the unbonding
 * period; a provider's own stake after the provider unbonding period). Works while paused.
 *
 * @example
 * await client.undelegate({ provider, amount: parseAmount("500") })
 */
export function undelegate(
  client: StakingClientBase,
  { provider, amount, ...options }: UndelegateParameters,
): Promise<TransactionResult> {
  return sendStaking(client, "undelegate", [provider, amount], options);
}
