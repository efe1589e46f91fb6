// The member's HTTP API without a chain: a service whose providers and tallies are set by hand,
// served on a free loopback port. /scores answers every origin (the web console reads it from the
// browser) and filters by ?provider=.
import type { Server } from "node:http";
import { createStakingClient } from "@ankr-staking/sdk";
import { HostLimiter } from "@ankr-staking/sdk/node";
import { privateKeyToAccount } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stakingAbi } from "../src/abi.ts";
import { startHttp } from "../src/http/server.ts";
import { createMetrics } from "../src/metrics.ts";
import { DEFAULT_SCORING } from "../src/scoring/score.ts";
import { OracleService } from "../src/service.ts";
import { Store } from "../src/store.ts";

// Never called: the test sets the service's state itself. Port 9 (discard) on loopback.
const NOWHERE = "http://127.0.0.1:9";
const KEY = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
const good = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const other = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";

let server: Server;
let base: string;

beforeAll(async () => {
  const store = await Store.open(undefined);
  const metrics = createMetrics();
  const service = new OracleService({
    sdk: createStakingClient({
      deployment: {
        chainId: 31_337,
        token: other,
        rewardVault: other,
        staking: other,
        stakingImplementation: other,
        oracleCommittee: other,
        startBlock: 0n,
      },
      rpcUrl: NOWHERE,
      account: privateKeyToAccount(KEY),
    }),
    staking: { address: other, abi: stakingAbi },
    store,
    metrics,
    limits: { timeoutMs: 100, maxBytes: 1024, policy: { allow: [] }, limiter: new HostLimiter(1) },
    ipfsGateway: "https://ipfs.io/ipfs/",
    allowHttpMetadata: false,
    scoring: DEFAULT_SCORING,
    metadataTtlMs: 60_000,
    roundTimeoutMs: 300,
    retryBaseMs: 1000,
  });
  service.clock = { genesis: 0, epochLength: 3600, current: 2, nextToSettle: 2, now: 7300 };
  service.providers.set(good, {
    address: good,
    metadataURI: "data:application/json,{}",
    metadata: { name: "Good", chains: [{ id: "ethereum", endpoints: ["https://eth.good.example"] }] },
    unknownChains: ["not-a-chain"],
    declared: new Map([["ethereum", ["https://eth.good.example"]]]),
    fetchedAt: 0,
  });
  service.providers.set(other, {
    address: other,
    metadataURI: "https://other.example/meta.json",
    metadataError: "metadata could not be fetched",
    unknownChains: [],
    declared: new Map(),
    fetchedAt: 0,
  });
  const sample = { provider: good, chain: "ethereum", endpoint: "https://eth.good.example", ok: true };
  // An earlier round measured the endpoint it declared then, under another name, down.
  store.recordRound(
    2,
    [good, other],
    [{ ...sample, endpoint: "https://old.good.example/", ok: false, latencyBps: 0, freshnessBps: 0 }],
    7000,
  );
  store.recordRound(
    2,
    [good, other],
    [{ ...sample, head: 10, latencyMs: 50, lag: 0, latencyBps: 10_000, freshnessBps: 10_000 }],
    7300,
  );
  const started = await startHttp(service, metrics, "127.0.0.1", 0);
  server = started.server;
  base = `http://127.0.0.1:${started.port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("http api", () => {
  it("serves /scores to any origin, per chain and endpoint, for the current epoch", async () => {
    const response = await fetch(`${base}/scores`, { headers: { origin: "http://127.0.0.1:5173" } });
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const body = (await response.json()) as {
      epoch: number;
      member: string;
      providers: { address: string; score: number; chains: Record<string, { score: number }> }[];
    };
    expect(body.epoch).toBe(2);
    expect(body.member).toBe(privateKeyToAccount(KEY).address);
    expect(body.providers.map((p) => p.address)).toEqual([good, other]);
    expect(body.providers[0]?.chains.ethereum?.score).toBe(5000);
    expect(body.providers[0]?.score).toBe(body.providers[0]?.chains.ethereum?.score);
  });

  it("shows what each chain's score is made of, endpoints no longer declared included", async () => {
    const body = (await (await fetch(`${base}/scores?provider=${good}`)).json()) as {
      providers: {
        rounds: number;
        chains: Record<
          string,
          {
            score: number;
            declaredRounds: number;
            points: number;
            endpoints: {
              url: string;
              declared: boolean;
              tally: { rounds: number; ok: number };
              samples: unknown[];
            }[];
          }
        >;
      }[];
    };
    const [p] = body.providers;
    expect(p?.rounds).toBe(2);
    const eth = p?.chains.ethereum;
    expect(eth).toMatchObject({ score: 5000, declaredRounds: 2, points: 100_000 });
    expect(
      eth?.endpoints.map((e) => [e.url, e.declared, e.tally.rounds, e.tally.ok, e.samples.length]),
    ).toEqual([
      ["https://eth.good.example", true, 1, 1, 1],
      ["https://old.good.example", false, 1, 0, 1],
    ]);
  });

  it("filters by ?provider= (any case) and keeps metadata errors and unknown chains", async () => {
    const one = (await (await fetch(`${base}/scores?provider=${good.toLowerCase()}`)).json()) as {
      providers: { address: string; unknownChains: string[] }[];
    };
    expect(one.providers.map((p) => [p.address, p.unknownChains])).toEqual([[good, ["not-a-chain"]]]);
    const broken = (await (await fetch(`${base}/scores?provider=${other}`)).json()) as {
      providers: { metadataError: string | null; score: number; chains: object }[];
    };
    expect(broken.providers).toEqual([
      expect.objectContaining({ metadataError: "metadata could not be fetched", score: 0, chains: {} }),
    ]);
    const none = (await (await fetch(`${base}/scores?provider=0x${"0".repeat(40)}`)).json()) as {
      providers: unknown[];
    };
    expect(none.providers).toEqual([]);
  });

  it("answers other GETs with the header too, and refuses writes", async () => {
    const chains = await fetch(`${base}/chains`);
    expect(chains.headers.get("access-control-allow-origin")).toBe("*");
    const post = await fetch(`${base}/scores`, { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.get("access-control-allow-origin")).toBeNull();
  });
});
