import type { Address } from "viem";

import { ankrStakingAbi } from "../../abis/generated.js";
import type { StakingClientBase } from "../../client/createStakingClient.js";
import { withStakingErrors } from "../../transaction/send.js";

export type GetDelegationParameters = { provider: Address; delegator: Address };
export type GetDelegationReturnType = {
  stake: bigint;
  /** Claimable now (for the provider itself, including its commission). */
  rewards: bigint;
};

/**
 * A delegation's stake and its claimable rewards as of the latest block.
 *
 * @example
 * const { stake, rewards } = await client.getDelegation({ provider, delegator })
 */
export function getDelegation(
  client: StakingClientBase,
  { provider, delegator }: GetDelegationParameters,
): Promise<GetDelegationReturnType> {
  return withStakingErrors(client, async () => {
    const [stake, rewards] = await client.publicClient.readContract({
      address: client.deployment.staking,
      abi: ankrStakingAbi,
      functionName: "getDelegation",
      args: [provider, delegator],
    });
    return { stake, rewards };
  });
}
