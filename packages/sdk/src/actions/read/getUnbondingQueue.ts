import type { Address } from "viem";

import { ankrStakingAbi } from "../../abis/generated.js";
import type { StakingClientBase } from "../../client/createStakingClient.js";
import { type UnbondingEntry, unbondingStatus } from "../../math/epoch.js";
import { withStakingErrors } from "../../transaction/send.js";

export type GetUnbondingQueueParameters = { account: Address };
export type GetUnbondingQueueReturnType = {
  /** Entry ids run from here. */
  firstEntryId: bigint;
  entries: (UnbondingEntry & { id: bigint; matured: boolean })[];
  /** What `withdraw` pays now. */
  withdrawable: bigint;
  /** Still unbonding. */
  pending: bigint;
  /** The earliest release among what is still unbonding. */
  nextReleaseAt: bigint | undefined;
};

/**
 * An account's unbonding queue with what is withdrawable now.
 *
 * @example
 * const { withdrawable, nextReleaseAt } = await client.getUnbondingQueue({ account })
 */
export function getUnbondingQueue(
  client: StakingClientBase,
  { account }: GetUnbondingQueueParameters,
): Promise<GetUnbondingQueueReturnType> {
  return withStakingErrors(client, async () => {
    const [[firstEntryId, raw], block] = await Promise.all([
      client.publicClient.readContract({
        address: client.deployment.staking,
        abi: ankrStakingAbi,
        functionName: "unbondingQueue",
        args: [account],
      }),
      client.publicClient.getBlock(),
    ]);
    const entries = raw.map((e) => ({
      amount: e.amount,
      releaseAt: BigInt(e.releaseAt),
    }));
    const status = unbondingStatus(entries, block.timestamp);
    return {
      firstEntryId,
      entries: entries.map((e, i) => ({
        ...e,
        id: firstEntryId + BigInt(i),
        matured: e.releaseAt <= block.timestamp,
      })),
      ...status,
    };
  });
}
