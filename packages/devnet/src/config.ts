// The devnet's settings, from the environment. Every port variable is declared once, here: the
// config, the port check's message and docs/devnet.md all name these.
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { MEMBER_COUNT } from "./accounts.ts";

export const root = fileURLToPath(new URL("../../../", import.meta.url));
export const contractsDir = join(root, "contracts");

/** The fixed, user-facing ports: name, variable, default, and how many consecutive ports it takes. */
export const PORTS = {
  chain: { variable: "DEVNET_CHAIN_PORT", default: 8545, count: 1 },
  api: { variable: "DEVNET_API_PORT", default: 42_069, count: 1 },
  oracle: { variable: "DEVNET_ORACLE_PORT", default: 42_070, count: MEMBER_COUNT },
  web: { variable: "DEVNET_WEB_PORT", default: 5173, count: 1 },
} as const;
export type PortName = keyof typeof PORTS;

export interface DevnetConfig {
  ports: Record<PortName, number>;
  /** Committee members (one process each, ports oracle, oracle+1, ...). */
  members: number;
  /** Seconds per epoch on the devnet (EPOCH_LENGTH of the deploy script). */
  epochLength: number;
  /** Epochs settled by the committee while seeding. */
  seedEpochs: number;
  /** How often each member probes every endpoint. */
  probeIntervalMs: number;
  /** Logs, oracle databases, the broadcast log and devnet.json; wiped at every start. */
  stateDir: string;
  /** Where the deploy script writes <chainId>.json. */
  deploymentsDir: string;
}

export const CHAIN_ID = 31_337;

/**
 * The Governor and timelock on the devnet (seconds), short so a proposal can be followed through in
 * one sitting: the voting delay rounds up to a 15 s snapshot grid, voting lasts an hour (12 epochs:
 * `npm run devnet:advance -- --epochs 12` ends it), the timelock waits 2 minutes. Mainnet: 1 day,
 * 5 days, 2 days (docs/governance.md). The upgrade timelock keeps its default (30 days).
 */
export const GOVERNANCE = { votingDelay: 60, votingPeriod: 3600, timelockDelay: 120 } as const;

function integer(
  env: NodeJS.ProcessEnv,
  variable: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[variable];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${variable}=${raw} is not an integer between ${min} and ${max}`);
  }
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): DevnetConfig {
  const port = (name: PortName) =>
    integer(env, PORTS[name].variable, PORTS[name].default, 1, 65_535 - PORTS[name].count + 1);
  return {
    ports: { chain: port("chain"), api: port("api"), oracle: port("oracle"), web: port("web") },
    members: PORTS.oracle.count,
    epochLength: integer(env, "DEVNET_EPOCH_LENGTH", 300, 30, 7 * 86_400),
    seedEpochs: integer(env, "DEVNET_SEED_EPOCHS", 3, 1, 20),
    probeIntervalMs: integer(env, "DEVNET_PROBE_INTERVAL_MS", 2000, 1000, 600_000),
    stateDir: env.DEVNET_STATE_DIR || join(root, ".devnet"),
    deploymentsDir: env.DEVNET_DEPLOYMENTS_DIR || join(root, "deployments"),
  };
}
