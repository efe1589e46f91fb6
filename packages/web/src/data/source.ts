// Where the app's data comes from. Today every view reads the chain through the SDK; the indexer's
// API (issue 6) will add history, APY/score charts, CSV export and proposals by implementing the
// optional members below in an `apiSource` and composing it over this one in `createDataSource`.
import {
  createStakingClient,
  decodeMetadataURI,
  type GetAccountReturnType,
  type GetCapacityLeftReturnType,
  type GetEpochReturnType,
  type GetPositionsReturnType,
  type Parameters,
  type Provider,
  type ProviderMetadata,
  type StakingClient,
  type Yield,
} from "@ankr-staking/sdk";
import type { Address } from "viem";

import type { RuntimeConfig } from "../config/runtime.ts";

export type ProviderRow = Provider & {
  metadata: ProviderMetadata | undefined;
  /** Room left for new delegations (no account's allotment counted). */
  capacityLeft: bigint;
  unlimited: boolean;
  yield: Yield;
};

export type DataSource = {
  /** Reads through the SDK (also used for chain time). */
  client: StakingClient;
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

export function chainSource(config: RuntimeConfig): DataSource {
  const client = createStakingClient({ deployment: config.deployment, rpcUrl: config.rpcUrl });
  const row = async (provider: Provider): Promise<ProviderRow> => {
    const [capacity, providerYield] = await Promise.all([
      client.getCapacityLeft({ provider: provider.address, account: ZERO }),
      client.getProviderYield({ provider: provider.address }),
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
      Promise.all((await client.getProviders({ sortBy: "stake", includeExited: true })).map(row)),
    provider: async (address) => row(await client.getProvider({ provider: address })),
    parameters: () => client.getParameters(),
    epoch: () => client.getEpoch(),
    account: (address) => client.getAccount({ account: address }),
    capacity: (provider, account) => client.getCapacityLeft({ provider, account }),
    positions: (delegator) => client.getPositions({ delegator }),
    chainTime: async () => (await client.publicClient.getBlock()).timestamp,
  };
}

export function createDataSource(config: RuntimeConfig): DataSource {
  return chainSource(config);
}
