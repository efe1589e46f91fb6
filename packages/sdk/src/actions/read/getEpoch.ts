import { ankrStakingAbi } from "../../abis/generated.js";
import type { StakingClientBase } from "../../client/createStakingClient.js";
import { epochEnd } from "../../math/epoch.js";
import { withStakingErrors } from "../../transaction/send.js";

export type GetEpochReturnType = {
  genesis: bigint;
  epochLength: bigint;
  /** The epoch containing the latest block. */
  current: bigint;
  /** The next epoch `settleEpoch` accepts. */
  nextEpochToSettle: bigint;
  /** When the current epoch ends. */
  currentEndsAt: bigint;
  /** When `nextEpochToSettle` can be settled (its end). */
  nextSettleableAt: bigint;
};

/**
 * The epoch clock.
 *
 * @example
 * const { current, nextEpochToSettle } = await client.getEpoch()
 */
export function getEpoch(client: StakingClientBase): Promise<GetEpochReturnType> {
  return withStakingErrors(client, async () => {
    const [genesis, epochLength, current, nextEpochToSettle] = await client.publicClient.readContract({
      address: client.deployment.staking,
      abi: ankrStakingAbi,
      functionName: "epochClock",
    });
    return {
      genesis,
      epochLength,
      current,
      nextEpochToSettle,
      currentEndsAt: epochEnd(current, genesis, epochLength),
      nextSettleableAt: epochEnd(nextEpochToSettle, genesis, epochLength),
    };
  });
}
