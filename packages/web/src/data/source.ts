// Where the app's data comes from. Every current figure is read from the chain through the SDK;
// history (provider stake/score/APY per epoch, an account's rewards, the CSV export) comes from the
// indexer's API (`api.ts`) when /config.json names one, and `api` is null otherwise.
import {
  chainFor,
  decodeMetadataURI,
  type GetAccountReturnType,
  type GetCapacityLeftReturnType,
  type GetEpochReturnType,
  type GetPositionsReturnType,
  getAccount,
  getCapacityLeft,
  getEpoch,
  getParameters,
  getPositions,
  getProvider,
  getProviders,
  getProviderYield,
  type Parameters,
  type Provider,
  type ProviderMetadata,
  type StakingClientBase,
  type Yield,
} from "@ankr-staking/sdk";
import { type Address, createPublicClient, http } from "viem";

import type { RuntimeConfig } from "../config/runtime.ts";
import { type ApiSource, apiSource } from "./api.ts";

export type ProviderRow = Provider & {
  metadata: ProviderMetadata | undefined;
  /** Room left for new delegations (no account's allotment counted). */
  capacityLeft: bigint;
  unlimited: boolean;
  yield: Yield;
};

export type DataSource = {
  /** The SDK's client without a wallet: reads, chain time, and the base of every write. */
  client: StakingClientBase;
  providers(): Promise<ProviderRow[]>;
  provider(address: Address): Promise<ProviderRow>;
  parameters(): Promise<Parameters>;
  epoch(): Promise<GetEpochReturnType>;
  account(address: Address): Promise<GetAccountReturnType>;
  capacity(provider: Address, account: Address): Promise<GetCapacityLeftReturnType>;
  positions(delegator: Address): Promise<GetPositionsReturnType>;
  chainTime(): Promise<bigint>;
  /** History views from the indexer's API: null when /config.json names no `apiUrl`. */
  api: ApiSource | null;
};

const ZERO = "0x0000000000000000000000000000000000000000" as const;

/**
 * The SDK client the app uses: its standalone actions over a bare client rather than
 * `createStakingClient`, whose decorator binds every action (writes, roles, governance) and would
 * put them all in the first page's bundle.
 */
export function baseClient(config: RuntimeConfig): StakingClientBase {
  const chain = chainFor(config.deployment.chainId, config.rpcUrl);
  return {
    deployment: config.deployment,
    chain,
    publicClient: createPublicClient({ chain, transport: http(config.rpcUrl, { retryCount: 1 }) }),
    walletClient: undefined,
    account: undefined,
    format: { symbol: "ANKR", decimals: 18 },
  };
}

export function chainSource(config: RuntimeConfig): Omit<DataSource, "api"> {
  const client = baseClient(config);
  const row = async (provider: Provider): Promise<ProviderRow> => {
    const [capacity, providerYield] = await Promise.all([
      getCapacityLeft(client, { provider: provider.address, account: ZERO }),
      getProviderYield(client, { provider: provider.address }),
    ]);
    return {
      ...provider,
      metadata: decodeMetadataURI(provider.metadataURI),
      capacityLeft: capacity.capacityLeft,
      unlimited: capacity.unlimited,
      yield: providerYield,
    };
  };
  return {
    client,
    providers: async () =>
      Promise.all((await getProviders(client, { sortBy: "stake", includeExited: true })).map(row)),
    provider: async (address) => row(await getProvider(client, { provider: address })),
    parameters: () => getParameters(client),
    epoch: () => getEpoch(client),
    account: (address) => getAccount(client, { account: address }),
    capacity: (provider, account) => getCapacityLeft(client, { provider, account }),
    positions: (delegator) => getPositions(client, { delegator }),
    chainTime: async () => (await client.publicClient.getBlock()).timestamp,
  };
}

export function createDataSource(config: RuntimeConfig): DataSource {
  return { ...chainSource(config), api: config.apiUrl ? apiSource(config.apiUrl) : null };
}
