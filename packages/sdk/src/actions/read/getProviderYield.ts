import type { Address } from "viem";

import { ankrStakingAbi } from "../../abis/generated.js";
import type { StakingClientBase } from "../../client/createStakingClient.js";
import { type SettledEpoch, type Yield, yieldFromSettlements } from "../../math/apy.js";
import { withStakingErrors } from "../../transaction/send.js";
import { getEpoch } from "./getEpoch.js";

export type GetProviderYieldParameters = {
  provider: Address;
  /** How many of the latest settled epochs to use (default 4). */
  epochs?: number | undefined;
};

/**
 * APR and APY net of commission over the provider's latest settled epochs.
 *
 * @example
 * const { apy } = await client.getProviderYield({ provider, epochs: 4 })
 */
export function getProviderYield(
  client: StakingClientBase,
  { provider, epochs = 4 }: GetProviderYieldParameters,
): Promise<Yield & { settlements: (SettledEpoch & { epoch: bigint })[] }> {
  return withStakingErrors(client, async () => {
    const [logs, { epochLength }] = await Promise.all([
      client.publicClient.getContractEvents({
        address: client.deployment.staking,
        abi: ankrStakingAbi,
        eventName: "ProvidersSettled",
        fromBlock: client.deployment.startBlock,
        strict: true,
      }),
      getEpoch(client),
    ]);
    const own = provider.toLowerCase();
    const settlements = logs
      .flatMap(({ args }) =>
        args.settlements
          .filter((s) => s.provider.toLowerCase() === own)
          .map((s) => ({
            epoch: args.epoch,
            reward: s.reward,
            commission: s.commission,
            stakeSeconds: s.stakeSeconds,
          })),
      )
      .slice(-epochs);
    return { ...yieldFromSettlements(settlements, epochLength), settlements };
  });
}
