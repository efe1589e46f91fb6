import type { Address } from "viem";

import type { StakingClientBase } from "../../client/createStakingClient.js";
import { sendStaking } from "../../transaction/staking.js";
import type { TransactionResult, WriteOptions } from "../../transaction/types.js";

export type RedelegateParameters = WriteOptions & {
  fromProvider: Address;
  toProvider: Address;
  amount: bigint;
};

/**
 * Moves `amount` of the caller's stake between providers at once, without unbonding.
 *
 * @example
 * await client.redelegate({ fromProvider, toProvider, amount })
 */
export function redelegate(
  client: StakingClientBase,
  { fromProvider, toProvider, amount, ...options }: RedelegateParameters,
): Promise<TransactionResult> {
  return sendStaking(client, "redelegate", [fromProvider, toProvider, amount], options);
}
