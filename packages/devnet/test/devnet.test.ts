// Smoke test: starts the devnet as a user does (`npm start` at the repository root) on free loopback
// ports, waits for it to be ready, checks the seeded world through the SDK and the oracle members'
// HTTP API, then stops it as Ctrl-C does and checks that no process and no port is left.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createStakingClient, type StakingClient } from "@ankr-staking/sdk";
import { readDeploymentFile } from "@ankr-staking/sdk/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { accounts } from "../src/accounts.ts";
import { advanceSeconds } from "../src/advance.ts";
import { contractsDir, PORTS, root } from "../src/config.ts";
import type { ScoresDocument } from "../src/oracle.ts";
import { freePort, isPortFree } from "../src/ports.ts";
import { PROVIDERS } from "../src/seed.ts";
import { type DevnetState, readState } from "../src/state.ts";

const stateDir = mkdtempSync(join(tmpdir(), "devnet-smoke-"));
mkdirSync(join(contractsDir, "cache"), { recursive: true });
const deploymentsDir = mkdtempSync(join(contractsDir, "cache", "devnet-smoke-"));

/** A base port with `count` free ports after it. */
async function freeRange(count: number): Promise<number> {
  for (;;) {
    const base = await freePort();
    if (base + count > 65_535) continue;
    let free = true;
    for (let i = 0; i < count && free; i++) free = await isPortFree(base + i);
    if (free) return base;
  }
}

function startNpm(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn("npm", ["start"], {
    cwd: root,
    // A group of its own, so the test can send SIGINT to it all as a terminal's Ctrl-C does.
    detached: true,
    env: { ...process.env, DEVNET_STATE_DIR: stateDir, DEVNET_DEPLOYMENTS_DIR: deploymentsDir, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (c: Buffer) => {
    output += c.toString();
  });
  child.stderr?.on("data", (c: Buffer) => {
    output += c.toString();
  });
  return { child, output: () => output };
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

let devnet: { child: ChildProcess; output: () => string };
let state: DevnetState;
let client: StakingClient;
let stopped = false;

beforeAll(async () => {
  const chainPort = await freePort();
  const oraclePort = await freeRange(PORTS.oracle.count);
  devnet = startNpm({ DEVNET_CHAIN_PORT: String(chainPort), DEVNET_ORACLE_PORT: String(oraclePort) });
  const deadline = Date.now() + 170_000;
  for (;;) {
    const ready = readState(stateDir);
    if (ready) {
      state = ready;
      break;
    }
    if (devnet.child.exitCode !== null) throw new Error(`the devnet exited:\n${devnet.output()}`);
    if (Date.now() > deadline) throw new Error(`the devnet was not ready in time:\n${devnet.output()}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  expect(state.rpcUrl).toBe(`http://127.0.0.1:${chainPort}`);
  client = createStakingClient({
    deployment: readDeploymentFile(state.deploymentFile),
    rpcUrl: state.rpcUrl,
  });
});

const killGroup = (pid: number) => {
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // Already gone.
  }
};

afterAll(async () => {
  // Only when a test failed before the devnet stopped (never signal pids that may be reused).
  if (!stopped) {
    if (devnet?.child.pid && devnet.child.exitCode === null && devnet.child.signalCode === null)
      killGroup(devnet.child.pid);
    for (const pid of state?.pids ?? []) if (alive(pid)) killGroup(pid);
  }
  rmSync(stateDir, { recursive: true, force: true });
  rmSync(deploymentsDir, { recursive: true, force: true });
});

describe("npm start", () => {
  it("prints one table with the URLs, contracts and funded accounts with keys", () => {
    const out = devnet.output();
    for (const url of [state.rpcUrl, ...state.oracles]) expect(out).toContain(url);
    expect(out).toContain(client.deployment.staking);
    expect(out).toContain(accounts.delegators[0]?.privateKey);
    expect(out).not.toMatch(/42069|5173/);
  });

  it("seeds providers, delegations, an unbonding entry and settled epochs", async () => {
    const providers = await client.getProviders();
    expect(providers).toHaveLength(PROVIDERS.length);
    expect(providers.every((p) => p.totalStake > p.selfStake)).toBe(true);
    const positions = await client.getPositions({ delegator: accounts.delegators[0]?.address ?? "0x" });
    expect(positions.positions.length).toBeGreaterThan(0);
    const queue = await client.getUnbondingQueue({ account: accounts.delegators[1]?.address ?? "0x" });
    expect(queue.entries.length).toBe(1);
    const epoch = await client.getEpoch();
    expect(epoch.nextEpochToSettle).toBeGreaterThanOrEqual(3n);
    const scored = providers.filter((p) => p.lastScoreBps > 0n);
    expect(scored.length).toBe(PROVIDERS.length);
  });

  it("serves scores from every oracle member, with the worse provider scored lower", async () => {
    for (const url of state.oracles) {
      expect((await fetch(`${url}/health`)).status).toBe(200);
      const scores = (await (await fetch(`${url}/scores`)).json()) as ScoresDocument;
      expect(scores.providers).toHaveLength(PROVIDERS.length);
      const byName = new Map(scores.providers.map((p) => [p.name, p.score]));
      expect(byName.get("Acme RPC")).toBeGreaterThan(byName.get("Driftwood") ?? Number.POSITIVE_INFINITY);
    }
  });

  it("stops every process and frees every port on Ctrl-C", async () => {
    const pid = devnet.child.pid as number;
    process.kill(-pid, "SIGINT");
    await exited(devnet.child);
    for (let i = 0; i < 50 && state.pids.some(alive); i++) await new Promise((r) => setTimeout(r, 100));
    expect(state.pids.filter(alive)).toEqual([]);
    for (const port of state.ports) expect(await isPortFree(port)).toBe(true);
    expect(existsSync(join(stateDir, "devnet.json"))).toBe(false);
    stopped = true;
  });

  it("names the variable to change when a port is taken", async () => {
    const server: Server = createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    try {
      const run = startNpm({ DEVNET_CHAIN_PORT: String(port) });
      expect(await exited(run.child)).toBe(1);
      expect(run.output()).toContain(`port ${port} (chain) is already in use`);
      expect(run.output()).toContain("DEVNET_CHAIN_PORT=");
    } finally {
      server.close();
    }
  });
});

describe("devnet:advance", () => {
  it("turns --epochs and --days into seconds", () => {
    expect(advanceSeconds(["--epochs", "2"], 300)).toBe(600);
    expect(advanceSeconds(["--days", "14"], 300)).toBe(14 * 86_400);
    expect(() => advanceSeconds([], 300)).toThrow(/usage/);
    expect(() => advanceSeconds(["--epochs", "0"], 300)).toThrow(/positive/);
  });
});
