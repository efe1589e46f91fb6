import type { Address } from "viem";

import type { StakingClientBase } from "../../client/createStakingClient.js";
import { sendWithPull } from "../../token/approval.js";
import { sendStaking } from "../../transaction/staking.js";
import type { TransactionResult, WriteOptions } from "../../transaction/types.js";

export type AddRewardsParameters = WriteOptions & { provider: Address; amount: bigint };

/**
 * Adds rewards to a provider's pool (fees it earned, a grant); they stream over one epoch length.
 *
 * @example
 * await client.addRewards({ provider, amount: parseAmount("500") })
 */
export function addRewards(
  client: StakingClientBase,
  { provider, amount, ...options }: AddRewardsParameters,
): Promise<TransactionResult> {
  return sendWithPull(
    client,
    {
      ...options,
      spender: client.deployment.staking,
      amount,
      permitEntryPoint: false,
      functionName: "addRewards",
    },
    (_, overrides) => sendStaking(client, "addRewards", [provider, amount], { ...options, ...overrides }),
  );
}
