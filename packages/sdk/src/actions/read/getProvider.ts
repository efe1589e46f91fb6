import type { Address } from "viem";

import { ankrStakingAbi } from "../../abis/generated.js";
import type { StakingClientBase } from "../../client/createStakingClient.js";
import { withStakingErrors } from "../../transaction/send.js";
import { type Provider, type ProviderStatus, providerStatusNames } from "../../types.js";

export type GetProviderParameters = { provider: Address };
export type GetProviderReturnType = Provider;

/**
 * Everything about a provider in one read (status None when it never registered).
 *
 * @example
 * const { status, totalStake, commissionBps } = await client.getProvider({ provider })
 */
export function getProvider(
  client: StakingClientBase,
  { provider }: GetProviderParameters,
): Promise<Provider> {
  return withStakingErrors(client, async () => {
    const view = await client.publicClient.readContract({
      address: client.deployment.staking,
      abi: ankrStakingAbi,
      functionName: "getProvider",
      args: [provider],
    });
    const status = view.status as ProviderStatus;
    return {
      ...view,
      address: provider,
      status,
      statusName: providerStatusNames[status] ?? "None",
      delegatedStake: view.totalStake - view.selfStake,
    };
  });
}
