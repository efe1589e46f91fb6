// The chains Ankr providers serve and the oracle scores: data only, the one list every package
// reads. A new chain of a known family is one entry here; a new family also needs an oracle probe.
import type { ChainEntry } from "./types.js";

const evm = (id: string, name: string, chainId: number, maxLag: number): ChainEntry => ({
  id,
  name,
  family: "evm",
  identity: `0x${chainId.toString(16)}`,
  maxLag,
});

export const CHAINS: readonly ChainEntry[] = [
  evm("ethereum", "Ethereum", 1, 3),
  evm("bsc", "BNB Smart Chain", 56, 10),
  evm("polygon", "Polygon PoS", 137, 15),
  evm("avalanche", "Avalanche C-Chain", 43_114, 15),
  evm("arbitrum", "Arbitrum One", 42_161, 120),
  evm("optimism", "OP Mainnet", 10, 15),
  evm("base", "Base", 8453, 15),
  evm("fantom", "Fantom Opera", 250, 30),
  evm("gnosis", "Gnosis", 100, 6),
  evm("celo", "Celo", 42_220, 15),
  evm("moonbeam", "Moonbeam", 1284, 5),
  evm("zksync-era", "zkSync Era", 324, 30),
  evm("linea", "Linea", 59_144, 15),
  evm("scroll", "Scroll", 534_352, 15),
  evm("mantle", "Mantle", 5000, 15),
  {
    id: "solana",
    name: "Solana",
    family: "solana",
    identity: "5eykt4UsFv8P8NJdTREpY1vzqKqZKvdpKuc147dw2N9d",
    maxLag: 150,
  },
  { id: "near", name: "NEAR", family: "near", identity: "mainnet", maxLag: 30 },
  {
    id: "polkadot",
    name: "Polkadot",
    family: "substrate",
    identity: "0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3",
    maxLag: 5,
  },
  {
    id: "kusama",
    name: "Kusama",
    family: "substrate",
    identity: "0xb0a8d493285c2df73290dfb7e61f870f17b41801197a149ca93654499ea3dafe",
    maxLag: 5,
  },
  {
    id: "bitcoin",
    name: "Bitcoin",
    family: "bitcoin",
    identity: "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f",
    maxLag: 2,
  },
  {
    id: "litecoin",
    name: "Litecoin",
    family: "bitcoin",
    identity: "12a765e31ffd4059bada1e25190f6e98c99d9714d334efa41a195a7e7e04bfe2",
    maxLag: 3,
  },
  {
    id: "dogecoin",
    name: "Dogecoin",
    family: "bitcoin",
    identity: "1a91e3dace36e2be3bf030a65679fe821aa1d6ef92e7c9902eb318182c355691",
    maxLag: 5,
  },
  {
    id: "tron",
    name: "Tron",
    family: "tron",
    identity: "00000000000000001ebf88508a03865c71d452e25f4d51194196a1d22b6653dc",
    maxLag: 10,
  },
  { id: "aptos", name: "Aptos", family: "aptos", identity: "1", maxLag: 50 },
  { id: "sui", name: "Sui", family: "sui", identity: "35834a8a", maxLag: 20 },
  { id: "cosmoshub", name: "Cosmos Hub", family: "cosmos", identity: "cosmoshub-4", maxLag: 5 },
  { id: "starknet", name: "Starknet", family: "starknet", identity: "0x534e5f4d41494e", maxLag: 10 },
];

/** The registry by id; `extra` entries (tests, devnet chains) are added or replace by id. */
export function chainRegistry(extra: readonly ChainEntry[] = []): ReadonlyMap<string, ChainEntry> {
  const map = new Map<string, ChainEntry>();
  for (const chain of [...CHAINS, ...extra]) map.set(chain.id, chain);
  return map;
}

/** Whether `id` is a chain of the registry. */
export function isKnownChain(id: string): boolean {
  return CHAINS.some((chain) => chain.id === id);
}
