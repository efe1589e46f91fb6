import type { Address } from "viem";

import { ankrStakingAbi } from "../../abis/generated.js";
import type { StakingClientBase } from "../../client/createStakingClient.js";
import { withStakingErrors } from "../../transaction/send.js";
import { type Provider, ProviderStatus } from "../../types.js";
import { getProvider } from "./getProvider.js";

export type ProviderSort = "stake" | "selfStake" | "commission" | "address";

export type GetProvidersParameters = {
  /** Default "stake" (largest first); "commission" is lowest first. */
  sortBy?: ProviderSort | undefined;
  /** Include Exited providers (default false). */
  includeExited?: boolean | undefined;
};

/** Every registered provider's address, from ProviderRegistered events since the deployment. */
export async function getProviderAddresses(client: StakingClientBase): Promise<Address[]> {
  const logs = await client.publicClient.getContractEvents({
    address: client.deployment.staking,
    abi: ankrStakingAbi,
    eventName: "ProviderRegistered",
    fromBlock: client.deployment.startBlock,
    toBlock: "latest",
  });
  return [...new Set(logs.map((log) => log.args.provider).filter((a): a is Address => a !== undefined))];
}

const compare: Record<ProviderSort, (a: Provider, b: Provider) => number> = {
  stake: (a, b) => (b.totalStake > a.totalStake ? 1 : b.totalStake < a.totalStake ? -1 : 0),
  selfStake: (a, b) => (b.selfStake > a.selfStake ? 1 : b.selfStake < a.selfStake ? -1 : 0),
  commission: (a, b) => Number(a.commissionBps - b.commissionBps),
  address: (a, b) => (a.address.toLowerCase() < b.address.toLowerCase() ? -1 : 1),
};

/**
 * Every registered provider, sorted.
 *
 * @example
 * const providers = await client.getProviders({ sortBy: "commission" })
 */
export function getProviders(
  client: StakingClientBase,
  { sortBy = "stake", includeExited = false }: GetProvidersParameters = {},
): Promise<Provider[]> {
  return withStakingErrors(client, async () => {
    const addresses = await getProviderAddresses(client);
    const providers = await Promise.all(addresses.map((provider) => getProvider(client, { provider })));
    return providers
      .filter((p) => includeExited || p.status !== ProviderStatus.Exited)
      .sort((a, b) => compare[sortBy](a, b) || compare.address(a, b));
  });
}
