// End to end on anvil: three members (quorum three: from 3 members on the committee needs at least 3
// reports, so one liar is always outvoted) measure four providers whose metadata points at
// the real anvil and at fake endpoints (two healthy ones, so the reference head has two sources); the committee settles the epoch exactly once, a member
// restarted mid-epoch and after reporting does not report twice, and rewards follow the scores.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ChainEntry } from "@ankr-staking/sdk";
import { type Abi, type Address, erc20Abi as erc20, parseAbi, parseEther } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { committeeAbi, stakingAbi } from "../src/abi.ts";
import type { Config } from "../src/config.ts";
import { type Member, startMember } from "../src/member.ts";
import { type FakeEndpoint, startFake } from "../src/testing/fakes.ts";
import {
  DEV_KEYS,
  type Devnet,
  memberConfig,
  nextToSettle as nextToSettleOn,
  readProvider as readDevnetProvider,
  sendAs as sendAsDevnet,
  send as sendDevnet,
  startDevnet,
} from "./devnet.ts";

const SOLANA = "5eykt4UsFv8P8NJdTREpY1vzqKqZKvdpKuc147dw2N9d";
const EPOCH = 3600;

const memberKeys = [DEV_KEYS[1], DEV_KEYS[2], DEV_KEYS[3]] as const;
const providerKeys = [DEV_KEYS[4], DEV_KEYS[5], DEV_KEYS[6], DEV_KEYS[7]] as const;
const memberAddresses = memberKeys.map((k) => privateKeyToAccount(k).address);
const [good, lagging, broken, peer] = providerKeys.map((k) => privateKeyToAccount(k).address) as [
  Address,
  Address,
  Address,
  Address,
];

let devnet: Devnet;
const fakes: FakeEndpoint[] = [];
const dir = mkdtempSync(join(tmpdir(), "oracle-e2e-"));
const members: (Member | undefined)[] = [];

const metadata = (name: string, devnetUrl: string, solanaUrl: string) =>
  `data:application/json,${encodeURIComponent(
    JSON.stringify({
      name,
      website: `https://${name}.example`,
      chains: [
        { id: "devnet", endpoints: [devnetUrl] },
        { id: "solana", endpoints: [solanaUrl] },
        { id: "not-a-chain", endpoints: ["https://x.example"] },
      ],
    }),
  )}`;

function config(i: number): Config {
  return memberConfig(devnet, memberKeys[i] as `0x${string}`, join(dir, `member-${i}.sqlite`), {
    timeoutMs: 1000,
  });
}

const send = (key: `0x${string}`, address: Address, abi: Abi, fn: string, args: unknown[]) =>
  sendDevnet(devnet, key, address, abi, fn, args);
const sendAs = (from: Address, address: Address, abi: Abi, fn: string, args: unknown[]) =>
  sendAsDevnet(devnet, from, address, abi, fn, args);

const readProvider = (p: Address) => readDevnetProvider(devnet, p);

const nextToSettle = () => nextToSettleOn(devnet);

const committeeLogs = (eventName: "CommitteeSettled" | "ReportSubmitted") =>
  devnet.client.getContractEvents({
    address: devnet.committee,
    abi: committeeAbi,
    eventName,
    fromBlock: 0n,
  });

beforeAll(async () => {
  devnet = await startDevnet(memberAddresses, 3, EPOCH);
  const solanaGood = await startFake({ family: "solana", identity: SOLANA, head: 5000 });
  const solanaLagging = await startFake({ family: "solana", identity: SOLANA, head: 4000 });
  const devnetLagging = await startFake({ family: "evm", identity: "0x7a69", head: 1 });
  const devnetWrong = await startFake({ family: "evm", identity: "0x7a69", head: 100, mode: "wrong-chain" });
  const solanaErroring = await startFake({
    family: "solana",
    identity: SOLANA,
    head: 5000,
    mode: "erroring",
  });
  fakes.push(solanaGood, solanaLagging, devnetLagging, devnetWrong, solanaErroring);

  const vaultAbi = parseAbi(["function fund(uint256 amount)"]);
  const admin = DEV_KEYS[0];
  await send(admin, devnet.token, erc20, "approve", [devnet.vault, parseEther("10000000")]);
  await send(admin, devnet.vault, vaultAbi, "fund", [parseEther("10000000")]);
  const uris = [
    metadata("good", devnet.url, solanaGood.url),
    metadata("lagging", devnetLagging.url, solanaLagging.url),
    metadata("broken", devnetWrong.url, solanaErroring.url),
    metadata("peer", devnet.url, solanaGood.url),
  ];
  for (const [i, key] of providerKeys.entries()) {
    const address = privateKeyToAccount(key).address;
    await send(admin, devnet.token, erc20, "transfer", [address, parseEther("100000")]);
    await send(key, devnet.token, erc20, "approve", [devnet.staking, parseEther("100000")]);
    await send(key, devnet.staking, stakingAbi, "registerProvider", [parseEther("100000"), 1000, uris[i]]);
    await sendAs(devnet.timelock, devnet.staking, stakingAbi, "admitProvider", [address]);
  }
  for (let i = 0; i < 3; i++) members[i] = await startMember(config(i), { loop: false });
});

afterAll(async () => {
  for (const m of members) await m?.stop();
  await Promise.all(fakes.map((f) => f.close()));
  await devnet?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const member = (i: number) => members[i] as Member;

describe("oracle committee end to end", () => {
  it("measures during the epoch and serves its status over HTTP", async () => {
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 3; i++) await member(i).service.tick();
      await devnet.test.mine({ blocks: 2 });
    }
    expect(member(0).service.lastError).toBeUndefined();
    const base = `http://127.0.0.1:${member(0).port}`;
    const chains = (await (await fetch(`${base}/chains`)).json()) as { chains: ChainEntry[] };
    expect(chains.chains.length).toBeGreaterThanOrEqual(19);
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    const scores = (await (await fetch(`${base}/scores`)).json()) as {
      epoch: number;
      providers: {
        address: Address;
        score: number;
        unknownChains: string[];
        chains: Record<string, { endpoints: { samples: unknown[] }[] }>;
      }[];
    };
    expect(scores.epoch).toBe(0);
    const byAddress = new Map(scores.providers.map((p) => [p.address, p]));
    expect(byAddress.get(good)?.unknownChains).toEqual(["not-a-chain"]);
    expect(byAddress.get(good)?.chains.devnet?.endpoints[0]?.samples).toHaveLength(3);
    expect(byAddress.get(broken)?.score).toBe(0);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/oracle_probes_total\{chain="devnet",result="ok"\} \d+/);
    expect(metrics).toMatch(/oracle_probes_total\{chain="devnet",result="WrongChainError"\} 3/);
  });

  it("a member restarted mid-epoch keeps its measurements", async () => {
    const before = member(0).service.scores(0);
    await member(0).stop();
    members[0] = await startMember(config(0), { loop: false });
    await member(0).service.tick();
    expect(member(0).service.scores(0).get(good)).toBeGreaterThan(0);
    expect(member(0).service.scores(0).get(lagging)).toBe(before.get(lagging));
  });

  it("settles the ended epoch exactly once, with rewards following the scores", async () => {
    await devnet.test.increaseTime({ seconds: EPOCH });
    await devnet.test.mine({ blocks: 1 });

    await member(0).service.tick(); // reports epoch 0
    expect(member(0).service.lastError).toBeUndefined();
    expect(await nextToSettle()).toBe(0);
    // Restarted after reporting: it finds its report on-chain and does not send another.
    await member(0).stop();
    members[0] = await startMember(config(0), { loop: false });
    await member(0).service.tick();
    expect((await committeeLogs("ReportSubmitted")).length).toBe(1);

    await member(1).service.tick(); // short of the quorum
    expect(member(1).service.lastError).toBeUndefined();
    expect(await nextToSettle()).toBe(0);
    await member(2).service.tick(); // completes the quorum
    expect(member(2).service.lastError).toBeUndefined();
    expect(await nextToSettle()).toBe(1);
    await member(1).service.tick(); // nothing left to report
    await member(0).service.tick();

    const settled = await committeeLogs("CommitteeSettled");
    expect(settled).toHaveLength(1);
    expect((await committeeLogs("ReportSubmitted")).length).toBe(3);

    const [g, l, b, p] = await Promise.all([
      readProvider(good),
      readProvider(lagging),
      readProvider(broken),
      readProvider(peer),
    ]);
    expect(g.lastScoreBps).toBeGreaterThan(l.lastScoreBps);
    expect(p.lastScoreBps).toBeGreaterThan(l.lastScoreBps);
    expect(l.lastScoreBps).toBeGreaterThan(b.lastScoreBps);
    expect(b.lastScoreBps).toBe(0n);
    // Up, fast, but behind on both chains: 40% + 30% latency, no freshness.
    expect(l.lastScoreBps).toBeGreaterThanOrEqual(6000n);
    expect(l.lastScoreBps).toBeLessThanOrEqual(7000n);
    expect(g.rewardRate).toBeGreaterThan(l.rewardRate);
    expect(l.rewardRate).toBeGreaterThan(0n);
    expect(b.rewardRate).toBe(0n);
  });
});
