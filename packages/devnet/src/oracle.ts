// The oracle committee: one member process per committee seat (packages/oracle/src/main.ts, as an
// operator runs it), configured through its ORACLE_* environment (docs/oracle.md).
import { join } from "node:path";
import type { Address } from "viem";

import { accounts } from "./accounts.ts";
import { root } from "./config.ts";
import { DEVNET_CHAIN } from "./endpoints.ts";
import { ServiceStartError } from "./errors.ts";
import type { Processes } from "./processes.ts";

export interface MemberOptions {
  rpcUrl: string;
  staking: Address;
  committee: Address;
  port: number;
  probeIntervalMs: number;
  stateDir: string;
}

export interface OracleMember {
  name: string;
  url: string;
  address: Address;
  pid: number;
  logFile: string;
}

const oracleDir = join(root, "packages", "oracle");

export function startMember(processes: Processes, index: number, options: MemberOptions): OracleMember {
  const member = accounts.members[index];
  if (!member) throw new Error(`no account for oracle member ${index}`);
  const name = `oracle-${index + 1}`;
  const logFile = join(options.stateDir, "logs", `${name}.log`);
  const child = processes.spawn(
    name,
    process.execPath,
    ["--conditions=source", "--import", "tsx", join(oracleDir, "src", "main.ts")],
    {
      cwd: oracleDir,
      logFile,
      env: {
        ...process.env,
        ORACLE_RPC_URL: options.rpcUrl,
        ORACLE_STAKING: options.staking,
        ORACLE_COMMITTEE: options.committee,
        ORACLE_PRIVATE_KEY: member.privateKey,
        ORACLE_DB: join(options.stateDir, `${name}.sqlite`),
        ORACLE_HOST: "127.0.0.1",
        ORACLE_PORT: String(options.port),
        ORACLE_PROBE_INTERVAL_MS: String(options.probeIntervalMs),
        ORACLE_TIMEOUT_MS: "3000",
        ORACLE_ALLOW: "127.0.0.0/8",
        ORACLE_EXTRA_CHAINS: JSON.stringify([DEVNET_CHAIN]),
      },
    },
  );
  return { name, url: `http://127.0.0.1:${options.port}`, address: member.address, pid: child.pid, logFile };
}

/** Resolves once GET /health answers 200 (a round measured, no error). */
export async function waitHealthy(member: OracleMember, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${member.url}/health`);
      if (response.status === 200) return;
      last = `/health ${response.status}: ${(await response.text()).slice(0, 200)}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new ServiceStartError(member.name, last, member.logFile);
}

export interface ScoresDocument {
  epoch: number;
  providers: {
    address: Address;
    name: string | null;
    score: number;
    /** Per declared chain, each endpoint's tally for the epoch (`rounds` probed so far). */
    chains: Record<string, { endpoints: { url: string; tally: { rounds: number } }[] }>;
  }[];
}

/** Whether every provider in the document has been probed at least once in its epoch. */
export const everyProviderMeasured = (document: ScoresDocument): boolean =>
  document.providers.every((p) =>
    Object.values(p.chains).some((chain) => chain.endpoints.some((e) => e.tally.rounds > 0)),
  );

export async function readScores(member: Pick<OracleMember, "name" | "url">): Promise<ScoresDocument> {
  const response = await fetch(`${member.url}/scores`);
  if (!response.ok) throw new Error(`${member.name} /scores answered ${response.status}`);
  return (await response.json()) as ScoresDocument;
}
