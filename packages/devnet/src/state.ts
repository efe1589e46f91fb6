// devnet.json in the state directory: written once the devnet is ready, removed when it stops.
// `devnet:advance` and the smoke test read it; nothing else should rely on it.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Address } from "viem";

export interface DevnetState {
  ready: true;
  rpcUrl: string;
  chainId: number;
  deploymentFile: string;
  committee: Address;
  oracles: string[];
  /** The indexer's API (REST under /v1, GraphQL at /graphql). */
  apiUrl: string;
  webUrl: string;
  /** The open proposal of the seed (decimal). */
  proposalId: string;
  /** The orchestrator (`npm start`'s Node process): SIGTERM or SIGINT to it stops the devnet. */
  orchestrator: number;
  /** Every child process (each leads its own process group). */
  pids: number[];
  /** Every port the devnet listens on, fixed or not. */
  ports: number[];
}

export const stateFile = (stateDir: string) => join(stateDir, "devnet.json");

export function writeState(stateDir: string, state: DevnetState): void {
  const file = stateFile(stateDir);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}

export function readState(stateDir: string): DevnetState | undefined {
  const file = stateFile(stateDir);
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, "utf8")) as DevnetState;
}

export function removeState(stateDir: string): void {
  rmSync(stateFile(stateDir), { force: true });
}
