// Where the app's data comes from. Today every view reads the chain through the SDK; the indexer's
// API (issue 6) will add history, APY/score charts, CSV export and proposals by implementing the
// optional members below in an `apiSource` and composing it over this one in `createDataSource`.
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
  /** API-only views: undefined until the indexer's API is configured. */
  history?: (account: Address) => Promise<unknown[]>;
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

export function chainSource(config: RuntimeConfig): DataSource {
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
  return chainSource(config);
}
