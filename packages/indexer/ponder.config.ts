// Ponder configuration: the staking contract, its reward vault, the oracle committee, the Governor and
// both timelocks on the chain of the deployment named by INDEXER_DEPLOYMENT. Addresses and ABIs come
// from the SDK only; a contract the deployment lacks gets the zero address (it matches no log).
// Embedded PGlite (.ponder/pglite, or PONDER_PGLITE_DIR) unless DATABASE_URL names a PostgreSQL server.
import {
  ankrGovernorAbi,
  ankrStakingAbi,
  oracleCommitteeAbi,
  rewardVaultAbi,
  timelockControllerAbi,
} from "@ankr-staking/sdk";
import { createConfig } from "ponder";
import { zeroAddress } from "viem";

import { indexedDeployment } from "./src/deployment.ts";
import { queuedHttp } from "./src/transport.ts";

const deployment = indexedDeployment();
const startBlock = Number(deployment.startBlock);

/** An http(s) node goes through the queue (src/transport.ts); a ws(s) URL is Ponder's own. */
function rpc(url: string) {
  if (!/^https?:/.test(url)) return url;
  // Ponder's adaptive rate limit starts every node at 20 requests/s and rises 5% per ten saturated
  // seconds; behind the queue, which bounds what the node has in flight, it only idles the node, so
  // it starts at Ponder's ceiling (500). PONDER_RPC_INITIAL_RPS exists through scripts/patch-dependencies.mjs.
  process.env.PONDER_RPC_INITIAL_RPS ??= "500";
  return queuedHttp(url, {
    concurrency: Number(process.env.PONDER_RPC_CONCURRENCY ?? 4),
    timeoutMs: Number(process.env.PONDER_RPC_TIMEOUT_MS ?? 60_000),
  });
}

export default createConfig({
  database: process.env.DATABASE_URL
    ? { kind: "postgres", connectionString: process.env.DATABASE_URL }
    : { kind: "pglite", directory: process.env.PONDER_PGLITE_DIR ?? ".ponder/pglite" },
  chains: {
    protocol: {
      id: deployment.chainId,
      rpc: rpc(process.env.PONDER_RPC_URL ?? "http://127.0.0.1:8545"),
      pollingInterval: Number(process.env.PONDER_POLLING_INTERVAL ?? 1000),
      // Blocks per eth_getLogs during backfill; unset, Ponder adapts it to the node's errors. Ponder
      // sends one eth_getLogs per contract per range (patched, scripts/patch-dependencies.mjs; one per
      // event type, about 60, before), so a small range multiplies requests: set it only for a node
      // that refuses wide ranges.
      ethGetLogsBlockRange: process.env.PONDER_GETLOGS_BLOCK_RANGE
        ? Number(process.env.PONDER_GETLOGS_BLOCK_RANGE)
        : undefined,
      disableCache: deployment.chainId === 31337 || process.env.PONDER_DISABLE_CACHE === "true",
    },
  },
  contracts: {
    AnkrStaking: { chain: "protocol", abi: ankrStakingAbi, address: deployment.staking, startBlock },
    RewardVault: { chain: "protocol", abi: rewardVaultAbi, address: deployment.rewardVault, startBlock },
    OracleCommittee: {
      chain: "protocol",
      abi: oracleCommitteeAbi,
      address: deployment.oracleCommittee,
      startBlock: deployment.oracleStartBlock,
    },
    AnkrGovernor: {
      chain: "protocol",
      abi: ankrGovernorAbi,
      address: deployment.governor ?? zeroAddress,
      startBlock,
    },
    Timelock: {
      chain: "protocol",
      abi: timelockControllerAbi,
      address: [deployment.timelock ?? zeroAddress, deployment.upgradeTimelock ?? zeroAddress],
      startBlock,
    },
  },
});
