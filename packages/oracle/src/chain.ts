// Reads of the staking contract the service needs each round.
import type { Abi, Address, PublicClient } from "viem";

export interface EpochClock {
  genesis: number;
  epochLength: number;
  /** The epoch of the latest block. */
  current: number;
  nextToSettle: number;
  /** The latest block's timestamp. */
  now: number;
}

export interface ScoredProvider {
  address: Address;
  metadataURI: string;
}

export interface StakingTarget {
  address: Address;
  abi: Abi;
}

export async function readClock(client: PublicClient, staking: StakingTarget): Promise<EpochClock> {
  const [clock, block] = await Promise.all([
    client.readContract({
      address: staking.address,
      abi: staking.abi,
      functionName: "epochClock",
    }) as Promise<readonly [bigint, bigint, bigint, bigint]>,
    client.getBlock({ blockTag: "latest" }),
  ]);
  return {
    genesis: Number(clock[0]),
    epochLength: Number(clock[1]),
    current: Number(clock[2]),
    nextToSettle: Number(clock[3]),
    now: Number(block.timestamp),
  };
}

/** The scored set in the strictly increasing order settlement takes, with metadata URIs. */
export async function readScoredProviders(
  client: PublicClient,
  staking: StakingTarget,
): Promise<ScoredProvider[]> {
  const addresses = (await client.readContract({
    address: staking.address,
    abi: staking.abi,
    functionName: "scoredProviders",
  })) as readonly Address[];
  const sorted = [...addresses].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
  return Promise.all(
    sorted.map(async (address) => {
      const view = (await client.readContract({
        address: staking.address,
        abi: staking.abi,
        functionName: "getProvider",
        args: [address],
      })) as { metadataURI: string };
      return { address, metadataURI: view.metadataURI };
    }),
  );
}
