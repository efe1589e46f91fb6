#!/usr/bin/env -S npx tsx
// `npm start`: the whole system on localhost. Starts every service in order, prints one table, keeps
// running until Ctrl-C or SIGTERM, then stops every process it started (see docs/devnet.md).
import { rmSync } from "node:fs";

import { loadConfig } from "./config.ts";
import { DevnetError } from "./errors.ts";
import { assertPortsFree } from "./ports.ts";
import { Devnet, SERVICES } from "./services.ts";
import { removeState, writeState } from "./state.ts";
import { renderTable } from "./table.ts";

const log = (line: string) => process.stderr.write(`[devnet] ${line}\n`);
const started = Date.now();
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
  await assertPortsFree(config);
} catch (error) {
  log((error as Error).message);
  process.exit(1);
}

let stopping: Promise<void> | undefined;
function shutdown(code: number, reason: string): Promise<void> {
  stopping ??= (async () => {
    log(`${reason}: stopping every process the devnet started`);
    removeState(config.stateDir);
    await devnet.stop();
    log("stopped");
    process.exit(code);
  })();
  return stopping;
}

// A fresh chain every run: the state of the previous run (logs, oracle databases) goes too.
rmSync(config.stateDir, { recursive: true, force: true });
const devnet = new Devnet(config, log, (error) => void shutdown(1, error.message));
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => void shutdown(0, signal));
}
// If whoever started us goes away without passing the signal on (npm does not always forward
// SIGTERM to its script), we stop too rather than leave the children running.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) void shutdown(0, "parent process gone");
}, 1000).unref();

try {
  for (const service of SERVICES) {
    if (stopping) break;
    log(`${service.name}... (${seconds()})`);
    await service.start(devnet);
  }
} catch (error) {
  if (!stopping) {
    log(error instanceof DevnetError ? error.message : ((error as Error).stack ?? String(error)));
    await shutdown(1, "start failed");
  }
}
if (!stopping) {
  process.stdout.write(`${renderTable(devnet.sections())}\n\n`);
  writeState(config.stateDir, {
    ready: true,
    rpcUrl: devnet.need("chain").url,
    chainId: devnet.need("deployed").deployment.chainId,
    deploymentFile: devnet.need("deployed").deploymentFile,
    committee: devnet.need("deployed").committee,
    oracles: devnet.members.map((m) => m.url),
    apiUrl: devnet.need("indexer").url,
    webUrl: devnet.need("web").url,
    proposalId: devnet.need("proposal").id.toString(),
    orchestrator: process.pid,
    pids: devnet.processes.pids,
    ports: devnet.ports,
  });
  log(
    `ready in ${seconds()}. Epochs last ${config.epochLength} s and the committee settles each one; ` +
      "`npm run devnet:advance -- --epochs N` jumps ahead. Logs: " +
      `${devnet.logDir}. Ctrl-C stops everything.`,
  );
}
