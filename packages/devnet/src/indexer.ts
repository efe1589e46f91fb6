// The indexer and public API (packages/indexer: `ponder start`, as an operator runs it) against the
// devnet's deployment, with its embedded PGlite database in the state directory.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

import { CHAIN_ID, root } from "./config.ts";
import { ServiceStartError } from "./errors.ts";
import type { Processes } from "./processes.ts";

export interface IndexerOptions {
  rpcUrl: string;
  deploymentFile: string;
  port: number;
  stateDir: string;
}

export interface IndexerService {
  url: string;
  pid: number;
  logFile: string;
  exited: () => boolean;
}

const indexerDir = join(root, "packages", "indexer");
const ponderBin = join(root, "node_modules", "ponder", "dist", "esm", "bin", "ponder.js");

/**
 * The indexer finds the oracle committee in `<chainId>.oracle.json` beside the deployment file (the
 * layout of DeployOracle.s.sol); the deploy script now writes it into `<chainId>.json` itself. A
 * copy of both in the state directory keeps deployments/ to the one file the script writes.
 */
function indexerDeployment(deploymentFile: string, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const raw = readFileSync(deploymentFile, "utf8");
  const json = JSON.parse(raw) as { oracleCommittee?: string; startBlock?: number };
  const file = join(dir, `${CHAIN_ID}.json`);
  writeFileSync(file, raw);
  if (json.oracleCommittee) {
    const oracle = {
      chainId: CHAIN_ID,
      oracleCommittee: json.oracleCommittee,
      startBlock: json.startBlock ?? 0,
    };
    writeFileSync(join(dir, `${CHAIN_ID}.oracle.json`), `${JSON.stringify(oracle, null, 2)}\n`);
  }
  return file;
}

export function startIndexer(processes: Processes, options: IndexerOptions): IndexerService {
  const dir = join(options.stateDir, "indexer");
  const logFile = join(options.stateDir, "logs", "indexer.log");
  const child = processes.spawn(
    "indexer",
    process.execPath,
    [ponderBin, "start", "--schema", "devnet", "-p", String(options.port), "-H", "127.0.0.1"],
    {
      cwd: indexerDir,
      logFile,
      env: {
        ...process.env,
        PONDER_TELEMETRY_DISABLED: "true",
        PONDER_RPC_URL: options.rpcUrl,
        PONDER_POLLING_INTERVAL: "500",
        INDEXER_DEPLOYMENT: indexerDeployment(options.deploymentFile, dir),
        PONDER_PGLITE_DIR: join(dir, "pglite"),
        // PGlite always: a DATABASE_URL in the shell must not point the devnet at a real database.
        DATABASE_URL: "",
      },
    },
  );
  return {
    url: `http://127.0.0.1:${options.port}`,
    pid: child.pid,
    logFile,
    exited: () => child.process.exitCode !== null || child.process.signalCode !== null,
  };
}

/** Resolves once GET /ready answers 200 (the backfill is done; new blocks follow within a poll). */
export async function waitIndexerReady(indexer: IndexerService, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (indexer.exited()) throw new ServiceStartError("indexer", "exited", indexer.logFile);
    try {
      const response = await fetch(`${indexer.url}/ready`);
      if (response.status === 200) return;
      last = `/ready ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new ServiceStartError("indexer", last, indexer.logFile);
}
