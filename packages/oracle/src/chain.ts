// Reads of the staking contract the service needs: once at start (the deployment) and each round.
import { ankrStakingAbi, type Deployment } from "@ankr-staking/sdk";
import { type Abi, type Address, getAddress, type PublicClient } from "viem";

/** ERC-1967's implementation slot: the staking contract is a UUPS proxy. */
const IMPLEMENTATION_SLOT = "0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc";

/**
 * The deployment as the SDK takes it, read from the chain: a member is configured with the staking
 * and committee addresses only, and the rest follows from the staking contract.
 */
export async function readDeployment(
  client: PublicClient,
  staking: Address,
  committee: Address,
): Promise<Deployment> {
  const [chainId, token, vault, slot] = await Promise.all([
    client.getChainId(),
    client.readContract({ address: staking, abi: ankrStakingAbi, functionName: "token" }),
    client.readContract({ address: staking, abi: ankrStakingAbi, functionName: "vault" }),
    client.getStorageAt({ address: staking, slot: IMPLEMENTATION_SLOT }),
  ]);
  return {
    chainId,
    token,
    rewardVault: vault,
    staking,
    stakingImplementation: getAddress(`0x${(slot ?? "0x").slice(-40).padStart(40, "0")}`),
    startBlock: 0n,
    oracleCommittee: committee,
  };
}

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
