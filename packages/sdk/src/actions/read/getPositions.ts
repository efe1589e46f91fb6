import type { Address } from "viem";

import { ankrStakingAbi } from "../../abis/generated.js";
import type { StakingClientBase } from "../../client/createStakingClient.js";
import { withStakingErrors } from "../../transaction/send.js";
import { getDelegation } from "./getDelegation.js";
import { type GetUnbondingQueueReturnType, getUnbondingQueue } from "./getUnbondingQueue.js";

export type Position = { provider: Address; stake: bigint; rewards: bigint };

export type GetPositionsParameters = { delegator: Address };
export type GetPositionsReturnType = {
  /** Every provider the delegator has stake or rewards at. */
  positions: Position[];
  totalStake: bigint;
  totalRewards: bigint;
  unbonding: GetUnbondingQueueReturnType;
};

/**
 * A delegator's positions: stake and claimable rewards per provider, and its unbonding queue.
 * Providers come from the delegator's Delegated and Redelegated events.
 *
 * @example
 * const { positions, totalRewards } = await client.getPositions({ delegator })
 */
export function getPositions(
  client: StakingClientBase,
  { delegator }: GetPositionsParameters,
): Promise<GetPositionsReturnType> {
  return withStakingErrors(client, async () => {
    const { publicClient, deployment } = client;
    const range = {
      address: deployment.staking,
      abi: ankrStakingAbi,
      fromBlock: deployment.startBlock,
    } as const;
    const [delegated, redelegated] = await Promise.all([
      publicClient.getContractEvents({ ...range, eventName: "Delegated", args: { delegator } }),
      publicClient.getContractEvents({ ...range, eventName: "Redelegated", args: { delegator } }),
    ]);
    const providers = new Set<Address>();
    for (const log of delegated) if (log.args.provider) providers.add(log.args.provider);
    for (const log of redelegated) if (log.args.toProvider) providers.add(log.args.toProvider);
    const [all, unbonding] = await Promise.all([
      Promise.all(
        [...providers].map(async (provider) => ({
          provider,
          ...(await getDelegation(client, { provider, delegator })),
        })),
      ),
      getUnbondingQueue(client, { account: delegator }),
    ]);
    const positions = all.filter((p) => p.stake > 0n || p.rewards > 0n);
    return {
      positions,
      totalStake: positions.reduce((sum, p) => sum + p.stake, 0n),
      totalRewards: positions.reduce((sum, p) => sum + p.rewards, 0n),
      unbonding,
    };
  });
}
