// The indexer and public API (packages/indexer: `ponder start`, as an operator runs it) against the
// devnet's deployment, with its embedded PGlite database in the state directory.
import { join } from "node:path";

import { root } from "./config.ts";
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

export function startIndexer(processes: Processes, options: IndexerOptions): IndexerService {
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
        // The deploy script's file, committee included: the one source of addresses.
        INDEXER_DEPLOYMENT: options.deploymentFile,
        PONDER_PGLITE_DIR: join(options.stateDir, "indexer", "pglite"),
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
