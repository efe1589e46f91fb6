import type { Address } from "viem";

import { ankrStakingAbi } from "../../abis/generated.js";
import type { StakingClientBase } from "../../client/createStakingClient.js";
import { projectRewardsDown } from "../../math/rewards.js";
import { withStakingErrors } from "../../transaction/send.js";
import { getDelegation } from "./getDelegation.js";
import { getProvider } from "./getProvider.js";

export type GetPendingRewardsParameters = {
  provider: Address;
  delegator: Address;
  /** Also project what the running stream adds by this time (unix seconds), if nobody moves. */
  at?: bigint | undefined;
};

/**
 * Claimable rewards now, or projected to `at` from the pool's running stream.
 *
 * @example
 * const now = await client.getPendingRewards({ provider, delegator })
 * const inADay = await client.getPendingRewards({ provider, delegator, at: now + 86_400n })
 */
export function getPendingRewards(
  client: StakingClientBase,
  { provider, delegator, at }: GetPendingRewardsParameters,
): Promise<bigint> {
  return withStakingErrors(client, async () => {
    const { publicClient, deployment } = client;
    if (at === undefined) {
      return publicClient.readContract({
        address: deployment.staking,
        abi: ankrStakingAbi,
        functionName: "pendingRewards",
        args: [provider, delegator],
      });
    }
    const [{ stake, rewards }, pool, block] = await Promise.all([
      getDelegation(client, { provider, delegator }),
      getProvider(client, { provider }),
      publicClient.getBlock(),
    ]);
    const stream = {
      rewardRate: pool.rewardRate,
      rewardFinish: pool.rewardFinish,
      poolStake: pool.totalStake,
    };
    return rewards + projectRewardsDown(stream, stake, block.timestamp, at);
  });
}
