// The member's configuration, from the environment (one process per member).

import type { ChainEntry } from "@ankr-staking/sdk";
import { type Address, getAddress, type Hex } from "viem";
import { z } from "zod";
import { DEFAULT_PORT } from "./http/server.ts";

const ChainEntrySchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  family: z.enum([
    "evm",
    "solana",
    "near",
    "substrate",
    "bitcoin",
    "tron",
    "aptos",
    "sui",
    "cosmos",
    "starknet",
  ]),
  identity: z.string().min(1),
  maxLag: z.number().int().positive(),
});

const EnvSchema = z.object({
  ORACLE_RPC_URL: z.url(),
  ORACLE_STAKING: z.string().regex(/^0x[0-9a-fA-F]{40}$/),
  ORACLE_COMMITTEE: z.string().regex(/^0x[0-9a-fA-F]{40}$/),
  ORACLE_PRIVATE_KEY: z.string().regex(/^0x[0-9a-fA-F]{64}$/),
  ORACLE_DB: z.string().default("oracle.sqlite"),
  ORACLE_HOST: z.string().default("127.0.0.1"),
  ORACLE_PORT: z.coerce.number().int().min(0).max(65_535).default(DEFAULT_PORT),
  ORACLE_PROBE_INTERVAL_MS: z.coerce.number().int().min(1000).default(60_000),
  ORACLE_TIMEOUT_MS: z.coerce.number().int().min(100).default(5000),
  /** Default: three request timeouts (a probe makes up to two requests in a row). */
  ORACLE_ROUND_TIMEOUT_MS: z.coerce.number().int().min(100).optional(),
  ORACLE_MAX_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  ORACLE_PER_HOST: z.coerce.number().int().min(1).default(4),
  /** Comma-separated CIDRs endpoints may resolve to although not public (devnet: 127.0.0.0/8). */
  ORACLE_ALLOW: z.string().default(""),
  ORACLE_IPFS_GATEWAY: z.url().default("https://ipfs.io/ipfs/"),
  /** JSON array of extra registry entries (devnet chains). */
  ORACLE_EXTRA_CHAINS: z.string().default("[]"),
});

export interface Config {
  rpcUrl: string;
  staking: Address;
  committee: Address;
  privateKey: Hex;
  db: string;
  host: string;
  port: number;
  probeIntervalMs: number;
  timeoutMs: number;
  /** A round's deadline; default three times `timeoutMs`. */
  roundTimeoutMs?: number | undefined;
  maxBytes: number;
  perHost: number;
  allow: string[];
  ipfsGateway: string;
  extraChains: ChainEntry[];
}

export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const e = EnvSchema.parse(env);
  return {
    rpcUrl: e.ORACLE_RPC_URL,
    staking: getAddress(e.ORACLE_STAKING),
    committee: getAddress(e.ORACLE_COMMITTEE),
    privateKey: e.ORACLE_PRIVATE_KEY as Hex,
    db: e.ORACLE_DB,
    host: e.ORACLE_HOST,
    port: e.ORACLE_PORT,
    probeIntervalMs: e.ORACLE_PROBE_INTERVAL_MS,
    timeoutMs: e.ORACLE_TIMEOUT_MS,
    roundTimeoutMs: e.ORACLE_ROUND_TIMEOUT_MS,
    maxBytes: e.ORACLE_MAX_BYTES,
    perHost: e.ORACLE_PER_HOST,
    allow: e.ORACLE_ALLOW.split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    ipfsGateway: e.ORACLE_IPFS_GATEWAY,
    extraChains: z.array(ChainEntrySchema).parse(JSON.parse(e.ORACLE_EXTRA_CHAINS)),
  };
}
