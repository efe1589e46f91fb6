import type { Address } from "viem";

import { ankrStakingAbi } from "../../abis/generated.js";
import type { StakingClientBase } from "../../client/createStakingClient.js";
import { UNLIMITED } from "../../math/capacity.js";
import { withStakingErrors } from "../../transaction/send.js";

export type GetCapacityLeftParameters = { provider: Address; account: Address };
export type GetCapacityLeftReturnType = {
  /** How much more `account` can stake to `provider` now (0 when the provider is not Active). */
  capacityLeft: bigint;
  /** Whether no limit is in force at all. */
  unlimited: boolean;
  /** The account's reserved share of the global cap and how much of it its stake uses. */
  allotment: bigint;
  allotmentUsed: bigint;
};

/**
 * Room left for the account at the provider, with its allotment.
 *
 * @example
 * const { capacityLeft, allotment } = await client.getCapacityLeft({ provider, account })
 */
export function getCapacityLeft(
  client: StakingClientBase,
  { provider, account }: GetCapacityLeftParameters,
): Promise<GetCapacityLeftReturnType> {
  return withStakingErrors(client, async () => {
    const address = client.deployment.staking;
    const [room, [allotment, allotmentUsed]] = await Promise.all([
      client.publicClient.readContract({
        address,
        abi: ankrStakingAbi,
        functionName: "capacityLeft",
        args: [provider, account],
      }),
      client.publicClient.readContract({
        address,
        abi: ankrStakingAbi,
        functionName: "allotmentOf",
        args: [account],
      }),
    ]);
    // The contract caps "unlimited" at what a 96-bit pool can still hold.
    const unlimited = room >= 2n ** 95n || room === UNLIMITED;
    return { capacityLeft: room, unlimited, allotment, allotmentUsed };
  });
}
