// One member (quorum one, so its report settles each epoch) on a real anvil, measuring a healthy
// provider whose metadata is served over loopback HTTP and a hostile one whose endpoints never
// close. The hostile endpoints must not fail or hold up the healthy provider's probes, nor delay the
// report of an ended epoch; a failed metadata read keeps the last good document; an epoch the
// member never measured is reported with its latest measured scores instead of zeros. A slow
// endpoint that needs longer than the round's deadline is cut off there.

import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Address, erc20Abi as erc20, parseAbi, parseEther } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type Member, startMember } from "../src/member.ts";
import { type FakeEndpoint, startFake } from "../src/testing/fakes.ts";
import {
  DEV_KEYS,
  type Devnet,
  dataUri,
  memberConfig,
  nextToSettle as nextToSettleOn,
  readProvider as readDevnetProvider,
  registerAndAdmit,
  send,
  startDevnet,
} from "./devnet.ts";

const EPOCH = 3600;
const memberKey = DEV_KEYS[1];
const [healthyKey, hostileKey] = [DEV_KEYS[4], DEV_KEYS[5]];
const healthy = privateKeyToAccount(healthyKey).address;
const hostile = privateKeyToAccount(hostileKey).address;

let devnet: Devnet;
let member: Member;
let metadataServer: Server;
let metadataFailing = false;
/** Called as each never-closing endpoint receives a request. */
let onHanging: () => void = () => undefined;
const hanging: FakeEndpoint[] = [];
let slow: FakeEndpoint;
const dir = mkdtempSync(join(tmpdir(), "oracle-service-"));

const readProvider = (p: Address) => readDevnetProvider(devnet, p);

const nextToSettle = () => nextToSettleOn(devnet);

const timeTravel = async (seconds: number) => {
  await devnet.test.increaseTime({ seconds });
  await devnet.test.mine({ blocks: 1 });
};

beforeAll(async () => {
  devnet = await startDevnet([privateKeyToAccount(memberKey).address], 1, EPOCH);
  metadataServer = createServer((_req, res) => {
    if (metadataFailing) return void res.writeHead(503).end();
    res
      .writeHead(200, { "content-type": "application/json" })
      .end(JSON.stringify({ name: "healthy", chains: [{ id: "devnet", endpoints: [devnet.url] }] }));
  });
  await new Promise<void>((resolve) => metadataServer.listen(0, "127.0.0.1", resolve));
  const metadataUrl = `http://127.0.0.1:${(metadataServer.address() as AddressInfo).port}/healthy.json`;
  for (let i = 0; i < 7; i++) {
    hanging.push(
      await startFake({
        family: "evm",
        identity: "0x7a69",
        head: 1,
        mode: "hanging",
        onRequest: () => onHanging(),
      }),
    );
  }

  // Answers each request within the request deadline, but a probe makes two: past the round's.
  slow = await startFake({
    family: "evm",
    identity: "0x7a69",
    head: 1,
    mode: "slow",
    delayMs: 900,
    host: "127.0.0.2",
  });

  const admin = DEV_KEYS[0];
  await send(devnet, admin, devnet.token, erc20, "approve", [devnet.vault, parseEther("10000000")]);
  await send(devnet, admin, devnet.vault, parseAbi(["function fund(uint256 amount)"]), "fund", [
    parseEther("10000000"),
  ]);
  const uris: [`0x${string}`, string][] = [
    [healthyKey, metadataUrl],
    [
      hostileKey,
      dataUri({
        name: "hostile",
        chains: [{ id: "devnet", endpoints: [...hanging, slow].map((f) => f.url) }],
      }),
    ],
  ];
  await registerAndAdmit(devnet, uris);
  const config = memberConfig(devnet, memberKey, join(dir, "member.sqlite"), {
    roundTimeoutMs: 1500,
    // One request in flight per host: the hostile provider's seven never-closing endpoints share 127.0.0.1 with
    // the healthy one's, so only scoping the slots by provider keeps the healthy probe unqueued.
    perHost: 1,
  });
  member = await startMember(config, { loop: false, metadataTtlMs: 0 });
});

afterAll(async () => {
  await member?.stop();
  await Promise.all([...hanging, slow].map((f) => f?.close()));
  await new Promise<void>((resolve) => (metadataServer ? metadataServer.close(() => resolve()) : resolve()));
  await devnet?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("one member against a hostile provider", () => {
  it("never-closing endpoints fail only their own provider's probes", async () => {
    for (let i = 0; i < 2; i++) {
      await member.service.tick();
      expect(member.service.lastError).toBeUndefined();
    }
    const store = member.service.options.store;
    const good = store.samples(0, healthy);
    expect(good).toHaveLength(2);
    expect(good.every((s) => s.ok)).toBe(true);
    const bad = store.samples(0, hostile);
    expect(bad).toHaveLength(16);
    expect(bad.every((s) => !s.ok)).toBe(true);
    const ofSlow = bad.filter((s) => s.endpoint === slow.url);
    const ofHanging = bad.filter((s) => s.endpoint !== slow.url);
    // The never-closing ones fail, and so does the slow one, cut off at the round's deadline: the
    // round did not wait for its second answer.
    for (const s of ofHanging) expect(s.error).toMatch(/RoundDeadline|no complete answer|no free slot/);
    for (const s of ofSlow) expect(s.error).toMatch(/^RoundDeadline/);
    expect(ofSlow).toHaveLength(2);
    // Counted once, as the round kept them, although each cut-off probe ended later on its own
    // (the never-closing ones at their 2 s request deadline, before this read).
    await new Promise((r) => setTimeout(r, 1000));
    const metrics = await (await fetch(`http://127.0.0.1:${member.port}/metrics`)).text();
    expect(metrics.split("\n").filter((l) => l.startsWith("oracle_probes_total"))).toEqual([
      `oracle_probes_total{chain="devnet",result="RoundDeadline"} ${bad.length}`,
      `oracle_probes_total{chain="devnet",result="ok"} ${good.length}`,
    ]);
    expect(member.service.scores(0).get(healthy)).toBeGreaterThan(5000);
    expect(member.service.scores(0).get(hostile)).toBe(0);
  });

  it("a failed metadata read keeps the last good endpoints and shows the error", async () => {
    const before = member.service.scores(0).get(healthy);
    metadataFailing = true;
    await member.service.tick();
    const state = member.service.providers.get(healthy);
    expect(state?.metadataError).toMatch(/cannot fetch/);
    expect(state?.declared.get("devnet")).toEqual([devnet.url]);
    // Still probed this round, still scored.
    expect(member.service.options.store.samples(0, healthy).filter((s) => s.ok)).toHaveLength(3);
    expect(member.service.scores(0).get(healthy)).toBe(before);
  });

  it("reports an ended epoch before the round, whose never-closing endpoints it does not wait for", async () => {
    await timeTravel(EPOCH);
    const expected = member.service.scores(0).get(healthy);
    const store = member.service.options.store;
    // At each request the hostile endpoints get this tick, is the report already confirmed?
    const reportedAtArrival: boolean[] = [];
    onHanging = () => reportedAtArrival.push(store.submissions(0).some((s) => s.status === "confirmed"));
    await member.service.tick();
    onHanging = () => undefined;
    expect(member.service.lastError).toBeUndefined();
    expect(reportedAtArrival.length).toBeGreaterThan(0);
    expect(reportedAtArrival.every(Boolean)).toBe(true);
    expect(await nextToSettle()).toBe(1);
    expect((await readProvider(healthy)).lastScoreBps).toBe(BigInt(expected ?? -1));
    // Still failing to read, it kept reporting on the last good document.
    expect(member.service.providers.get(healthy)?.metadataError).toBeDefined();
    metadataFailing = false;
    await member.service.tick();
    expect(member.service.providers.get(healthy)?.metadataError).toBeUndefined();
  });

  it("an epoch it never measured is reported with its latest measured scores, not zeros", async () => {
    await timeTravel(3 * EPOCH); // epochs 2 and 3 pass without a single round
    await member.service.tick(); // reports epoch 1 (measured), then measures epoch 4
    expect(member.service.lastError).toBeUndefined();
    expect(await nextToSettle()).toBe(2);
    const store = member.service.options.store;
    expect(store.measured(2)).toBe(false);
    expect(member.service.measuredEpochFor(2)).toBe(4);
    const carried = member.service.scores(4).get(healthy);
    expect(carried).toBeGreaterThan(5000);

    await member.service.tick(); // reports epoch 2 from epoch 4's measurements
    expect(member.service.lastError).toBeUndefined();
    expect(await nextToSettle()).toBe(3);
    expect((await readProvider(healthy)).lastScoreBps).toBe(BigInt(carried ?? -1));
    const sent = store.submissions(2);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.status).toBe("confirmed");
  });
});
