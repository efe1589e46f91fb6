// Smoke test: starts the devnet as a user does (`npm start` at the repository root) on free loopback
// ports, waits for it to be ready, checks the seeded world through the indexer's API (providers,
// delegations, settled epochs), the Governor (the open proposal), the oracle members (scores) and
// the web app, moves it 2 epochs ahead with `npm run devnet:advance`, then stops it with SIGTERM and
// checks that no process, process group or port is left. A second `npm start` on the same ports
// must come up ready again; that one is stopped as Ctrl-C does (SIGINT to the terminal's group).
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createStakingClient, oracleCommitteeAbi, parseAmount, type StakingClient } from "@ankr-staking/sdk";
import { readDeploymentFile } from "@ankr-staking/sdk/node";
import type { Address } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { CHROMIUM, launchChromium } from "../../web/e2e/harness.ts";
import { accounts, MEMBER_COUNT, ORACLE_QUORUM } from "../src/accounts.ts";
import { advanceSeconds } from "../src/advance.ts";
import { contractsDir, PORTS, root } from "../src/config.ts";
import { until } from "../src/history.ts";
import { everyProviderMeasured, readScores, type ScoresDocument } from "../src/oracle.ts";
import { freePort, isPortFree } from "../src/ports.ts";
import { APPLICANT, PROVIDERS } from "../src/seed.ts";
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

interface Run {
  child: ChildProcess;
  output: () => string;
  /**
   * Resolves on "close": npm has exited and every process writing to its output (the orchestrator
   * too) has closed it. The exit code, or the signal's name when a signal ended npm.
   */
  done: Promise<number | string>;
}

function startNpm(env: Record<string, string>, args: readonly string[] = ["start"]): Run {
  const child = spawn("npm", [...args], {
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
  const done = new Promise<number | string>((resolve) =>
    child.once("close", (code, signal) => resolve(code ?? signal ?? "unknown")),
  );
  return { child, output: () => output, done };
}

/** Whether `pid` (with `-pgid`: any process of that group) still exists; ESRCH means gone. */
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
    throw error;
  }
};

/**
 * The pids (a process group as `-pgid`) still present after 10 s. A killed grandchild whose parent
 * is gone stays in its group as a zombie until init reaps it, which some container inits do only
 * every second or two.
 */
async function leftAfterWaiting(pids: readonly number[]): Promise<number[]> {
  for (let i = 0; i < 100 && pids.some(alive); i++) await new Promise((r) => setTimeout(r, 100));
  return pids.filter(alive);
}

/** `npm start` until devnet.json says ready (or the run exits, or `timeoutMs` passes). */
async function startDevnet(env: Record<string, string>, timeoutMs: number): Promise<[Run, DevnetState]> {
  const run = startNpm(env);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ready = readState(stateDir);
    if (ready) return [run, ready];
    if (run.child.exitCode !== null) throw new Error(`the devnet exited:\n${run.output()}`);
    if (Date.now() > deadline) throw new Error(`the devnet was not ready in time:\n${run.output()}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * Stops `run` with `stop`, then checks that npm ended as `ending` says, and that the orchestrator,
 * every child's whole process group and every port are gone.
 */
async function expectStopped(
  run: Run,
  stopState: DevnetState,
  stop: () => void,
  ending: number | string,
): Promise<void> {
  stop();
  expect(await run.done).toBe(ending);
  expect(run.output()).toMatch(/\[devnet\] stopped/);
  expect(await leftAfterWaiting([stopState.orchestrator])).toEqual([]);
  // Each child led its own group: every group empty, not just its leader gone.
  expect(await leftAfterWaiting(stopState.pids.map((pid) => -pid))).toEqual([]);
  for (const port of stopState.ports) expect(await isPortFree(port)).toBe(true);
  expect(existsSync(join(stateDir, "devnet.json"))).toBe(false);
}

let ports: Record<string, string>;
let devnet: Run;
let state: DevnetState;
let client: StakingClient;
/** The run still to clean up after a failure, and its state. */
let running: { run: Run; state?: DevnetState } | undefined;

beforeAll(async () => {
  const chainPort = await freePort();
  ports = {
    DEVNET_CHAIN_PORT: String(chainPort),
    DEVNET_API_PORT: String(await freePort()),
    DEVNET_ORACLE_PORT: String(await freeRange(PORTS.oracle.count)),
    DEVNET_WEB_PORT: String(await freePort()),
  };
  [devnet, state] = await startDevnet(ports, 400_000);
  running = { run: devnet, state };
  expect(state.rpcUrl).toBe(`http://127.0.0.1:${chainPort}`);
  client = createStakingClient({
    deployment: readDeploymentFile(state.deploymentFile),
    rpcUrl: state.rpcUrl,
  });
});

/** GET an API path until `check` accepts the body: the indexer trails the chain by a poll or two. */
async function api<T>(path: string, check: (body: T) => boolean = () => true): Promise<T> {
  const deadline = Date.now() + 30_000;
  let last: unknown;
  for (;;) {
    const response = await fetch(`${state.apiUrl}${path}`).catch(() => undefined);
    const text = response ? await response.text() : "no answer";
    last = `${response?.status ?? "-"} ${text.slice(0, 1000)}`;
    if (response?.status === 200) {
      const body = JSON.parse(text) as T;
      if (check(body)) return body;
    }
    if (Date.now() > deadline) throw new Error(`GET ${path} never matched; last: ${String(last)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

const killGroup = (pid: number) => {
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // Already gone.
  }
};

afterAll(async () => {
  // Only when a test failed before a devnet stopped (never signal pids that may be reused).
  if (running) {
    const { run, state: left } = running;
    if (run.child.pid && run.child.exitCode === null && run.child.signalCode === null) {
      if (left && alive(left.orchestrator)) process.kill(left.orchestrator, "SIGKILL");
      killGroup(run.child.pid);
    }
    for (const pid of left?.pids ?? []) if (alive(-pid)) killGroup(pid);
  }
  rmSync(stateDir, { recursive: true, force: true });
  rmSync(deploymentsDir, { recursive: true, force: true });
});

describe("npm start", () => {
  it("prints one table with the URLs, contracts and funded accounts with keys", () => {
    const out = devnet.output();
    for (const url of [state.rpcUrl, state.apiUrl, state.webUrl, ...state.oracles])
      expect(out).toContain(url);
    expect(out).toContain(client.deployment.staking);
    expect(out).toContain(client.deployment.governor);
    expect(out).toContain(accounts.delegators[0]?.privateKey);
    expect(out).toContain(state.proposalId);
    // Every service took the port it was given, none its default.
    expect(out).not.toMatch(/:(8545|42069|42070|5173)\b/);
    // The contracts build ran as one of the devnet's children, its output passed on.
    expect(out).toMatch(/forge: .*compil/i);
  });

  it("serves providers with metadata and different commissions through the API", async () => {
    type Provider = {
      address: string;
      status: string;
      name: string | null;
      commissionBps: number;
      delegators: number;
    };
    const { items } = await api<{ items: Provider[] }>(
      "/v1/providers?limit=100",
      (b) => b.items.length === 6,
    );
    const active = items.filter((p) => p.status === "Active");
    expect(active.map((p) => p.name).sort()).toEqual(PROVIDERS.map((p) => p.name).sort());
    expect(new Set(active.map((p) => p.commissionBps)).size).toBe(PROVIDERS.length);
    expect(active.every((p) => p.delegators > 0)).toBe(true);
    expect(items.find((p) => p.status === "Pending")?.name).toBe(APPLICANT.name);
  });

  it("serves delegations, an unbonding entry and many delegators through the API", async () => {
    type Delegator = { positions: unknown[]; unbonding: { withdrawable: boolean }[] };
    const first = await api<Delegator>(`/v1/delegators/${accounts.delegators[0]?.address}`);
    expect(first.positions.length).toBe(2);
    const leaver = await api<Delegator>(`/v1/delegators/${accounts.delegators[1]?.address}`);
    expect(leaver.unbonding).toHaveLength(1);
    // Made after the seed's jumps: still unbonding when the devnet is ready (advance matures it).
    expect(leaver.unbonding[0]).toMatchObject({ withdrawable: false });
    const stats = await api<{ delegators: number }>("/v1/stats");
    expect(stats.delegators).toBe(accounts.delegators.length);
  });

  it("serves settled epochs with rewards through the API", async () => {
    type Epochs = { items: { epoch: number; distributed: string; reports: number | null }[] };
    const { items } = await api<Epochs>("/v1/epochs", (b) => b.items.length >= 3);
    expect(items.every((e) => BigInt(e.distributed) > 0n)).toBe(true);
    const providers = await client.getProviders();
    expect(providers.filter((p) => p.statusName === "Active" && p.lastScoreBps > 0n)).toHaveLength(
      PROVIDERS.length,
    );
  });

  it("has an open proposal to admit the independent provider, with votes cast (on-chain)", async () => {
    const proposal = await client.getProposal({ proposalId: BigInt(state.proposalId) });
    expect(proposal.state).toBe("Active");
    expect(proposal.proposer).toBe(accounts.providers[0]?.address);
    expect(proposal.votes.for).toBeGreaterThan(0n);
    expect(proposal.votes.against).toBeGreaterThan(0n);
    const pending = await client.getProvider({ provider: accounts.applicant.address });
    expect(pending.statusName).toBe("Pending");
  });

  it("lists the open proposal and its votes through the API", async () => {
    type Proposals = { items: { id: string; state: string; proposer: string }[] };
    const body = await api<Proposals>("/v1/proposals", (b) => b.items.some((p) => p.id === state.proposalId));
    const proposal = body.items.find((p) => p.id === state.proposalId);
    expect(proposal?.state).toBe("Active");
    expect(proposal?.proposer).toBe(accounts.providers[0]?.address);
    type Votes = { items: { kind: "provider" | "override"; support: string }[] };
    const votes = await api<Votes>(`/v1/proposals/${state.proposalId}/votes`, (b) => b.items.length >= 3);
    expect(votes.items.filter((v) => v.kind === "provider")).toHaveLength(2);
    expect(votes.items.filter((v) => v.kind === "override")).toHaveLength(1);
  });

  it("runs a committee of 4 members at quorum 3, one process each (one liar and one down tolerated)", async () => {
    const committee = client.deployment.oracleCommittee as Address;
    const read = (functionName: "members" | "quorum") =>
      client.publicClient.readContract({ address: committee, abi: oracleCommitteeAbi, functionName });
    expect(await read("members")).toEqual(accounts.members.map((m) => m.address));
    expect(await read("quorum")).toBe(BigInt(ORACLE_QUORUM));
    expect(state.oracles).toHaveLength(MEMBER_COUNT);
  });

  it("serves scores from every oracle member, with the worse provider scored lower", async () => {
    for (const url of state.oracles) {
      expect((await fetch(`${url}/health`)).status).toBe(200);
      // Seeding ends in a fresh epoch (its last settlement jumps to the next), whose scores stay 0
      // until the member's next round has probed every provider (every 2 s; later when loaded).
      let scores: ScoresDocument = { epoch: 0, providers: [] };
      await until(`${url} to probe every provider`, 30_000, async () => {
        scores = await readScores({ name: url, url });
        return everyProviderMeasured(scores);
      });
      expect(scores.providers).toHaveLength(PROVIDERS.length);
      const byName = new Map(scores.providers.map((p) => [p.name, p.score]));
      expect(byName.get("Acme RPC")).toBeGreaterThan(byName.get("Driftwood") ?? Number.POSITIVE_INFINITY);
    }
  });

  it("serves the web app with the devnet's chain, deployment and API", async () => {
    const page = await fetch(state.webUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const config = (await (await fetch(`${state.webUrl}/config.json`)).json()) as {
      rpcUrl: string;
      apiUrl: string;
      deployment: { staking: string; governor: string };
    };
    expect(config.rpcUrl).toBe(state.rpcUrl);
    expect(config.apiUrl).toBe(state.apiUrl);
    expect(config.deployment.staking).toBe(client.deployment.staking);
  });

  // Debian's Chromium (apt-get install chromium), as the web app's own end-to-end tests use it.
  it.skipIf(!existsSync(CHROMIUM))("shows the seeded providers in a browser", async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await page.goto(state.webUrl);
      for (const { name } of PROVIDERS)
        await page.getByTestId("providers").getByText(name).first().waitFor({ timeout: 30_000 });
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it("keeps settling: devnet:advance --epochs 2 settles two more epochs and matures the unbonding entry", async () => {
    const leaver = accounts.delegators[1]?.address as Address;
    const before = await client.getEpoch();
    expect(before.nextEpochToSettle).toBeLessThanOrEqual(before.current);
    const queued = await client.getUnbondingQueue({ account: leaver });
    expect(queued.withdrawable).toBe(0n);
    expect(queued.pending).toBe(parseAmount("500"));

    const advance = startNpm(ports, ["run", "devnet:advance", "--", "--epochs", "2"]);
    expect(await advance.done, advance.output()).toBe(0);
    expect(advance.output()).toMatch(
      /epoch \d+ settled by the committee[\s\S]*epoch \d+ settled by the committee/,
    );

    const after = await client.getEpoch();
    expect(after.current).toBeGreaterThanOrEqual(before.current + 2n);
    expect(after.nextEpochToSettle).toBeGreaterThanOrEqual(before.current + 2n);
    const matured = await client.getUnbondingQueue({ account: leaver });
    expect(matured.withdrawable).toBe(parseAmount("500"));
    expect(matured.pending).toBe(0n);

    // The indexer follows: the newly settled epochs, with rewards, and the entry now withdrawable.
    const last = Number(after.nextEpochToSettle) - 1;
    type Epochs = { items: { epoch: number; distributed: string }[] };
    const { items } = await api<Epochs>("/v1/epochs", (b) => b.items.some((e) => e.epoch === last));
    expect(items.find((e) => e.epoch === last)?.distributed).not.toBe("0");
    type Delegator = { unbonding: { withdrawable: boolean }[] };
    await api<Delegator>(`/v1/delegators/${leaver}`, (b) => b.unbonding[0]?.withdrawable === true);
  }, 180_000);

  it("stops every process, process group and port on SIGTERM to the orchestrator", async () => {
    // The orchestrator handles SIGTERM (npm would not forward it) and exits 0; npm with it.
    await expectStopped(devnet, state, () => process.kill(state.orchestrator, "SIGTERM"), 0);
    running = undefined;
  });

  it("comes up ready again on the same ports, and stops on Ctrl-C (SIGINT to the terminal's group)", async () => {
    // One settled epoch instead of three: the start is otherwise the same, and CI time is shared.
    const [again, againState] = await startDevnet({ ...ports, DEVNET_SEED_EPOCHS: "1" }, 240_000);
    running = { run: again, state: againState };
    expect(againState.rpcUrl).toBe(state.rpcUrl);
    expect(againState.apiUrl).toBe(state.apiUrl);
    // The same deployer and nonces on a fresh chain: the same addresses.
    expect(readDeploymentFile(againState.deploymentFile).staking).toBe(client.deployment.staking);
    const providers = (await (await fetch(`${againState.apiUrl}/v1/providers?limit=100`)).json()) as {
      items: unknown[];
    };
    expect(providers.items.length).toBeGreaterThanOrEqual(PROVIDERS.length);
    // npm, like a shell's foreground job, ends by the signal once its script has stopped.
    await expectStopped(
      again,
      againState,
      () => process.kill(-(again.child.pid as number), "SIGINT"),
      "SIGINT",
    );
    running = undefined;
  }, 300_000);

  it.each(["chain", "web"] as const)(
    "names the variable to change when the %s port is taken",
    async (name) => {
      const server: Server = createServer();
      const port = await freePort();
      await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
      try {
        // Every other port free, so the check reaches the one taken.
        const env: Record<string, string> = {
          DEVNET_CHAIN_PORT: String(await freePort()),
          DEVNET_API_PORT: String(await freePort()),
          DEVNET_ORACLE_PORT: String(await freeRange(PORTS.oracle.count)),
          DEVNET_WEB_PORT: String(await freePort()),
          [PORTS[name].variable]: String(port),
        };
        const run = startNpm(env);
        expect(await run.done).toBe(1);
        expect(run.output()).toContain(`port ${port} (${name}) is already in use`);
        expect(run.output()).toContain(`${PORTS[name].variable}=<port> npm start`);
      } finally {
        server.close();
      }
    },
  );
});

describe("devnet:advance", () => {
  it("turns --epochs and --days into seconds", () => {
    expect(advanceSeconds(["--epochs", "2"], 300)).toBe(600);
    expect(advanceSeconds(["--days", "14"], 300)).toBe(14 * 86_400);
    expect(() => advanceSeconds([], 300)).toThrow(/usage/);
    expect(() => advanceSeconds(["--epochs", "0"], 300)).toThrow(/positive/);
  });
});
