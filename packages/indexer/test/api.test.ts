// End to end: a real anvil, the real deploy script, actions through the SDK, the real indexer
// (`ponder start`, PGlite in a temp dir), and the API checked against the contract's own views.
import { ankrStakingAbi } from "@ankr-staking/sdk";
import { getAddress, parseEther } from "viem";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { type Indexer, startIndexer } from "./ponder.ts";
import { address, client, deployment, deploymentFile, reader, rpc, rpcUrl, runScenario } from "./scenario.ts";

type Provider = {
  address: string;
  status: string;
  totalStake: string;
  selfStake: string;
  commissionBps: number;
  pendingCommission: { commissionBps: number } | null;
  chains: string[];
  name: string | null;
  metadata: { status: string; error: string | null };
  delegators: number;
};
type Page<T> = { items: T[]; nextCursor: string | null };
type HistoryItem = { kind: string; amount: string; txHash: string; time: { unix: number; iso: string } };

let indexer: Indexer & { pgliteDir: string };
const A = address("providerA");
const B = address("providerB");
const ALICE = address("alice");

const read = <
  const F extends "getProvider" | "getDelegation" | "pendingRewards" | "unbondingQueue" | "totals",
>(
  functionName: F,
  args: readonly unknown[],
  blockNumber?: bigint,
) =>
  reader.publicClient.readContract({
    address: deployment.staking,
    abi: ankrStakingAbi,
    functionName,
    args,
    blockNumber,
  } as never) as Promise<never>;

beforeAll(async () => {
  await runScenario();
  // A small response cache, so the test can fill it (src/api/microcache.ts).
  indexer = await startIndexer({ rpcUrl, deploymentFile, env: { API_CACHE_MAX_BYTES: "200000" } });
  // Wait for the last action of the scenario (the commission increase) to be indexed.
  await indexer.until<{ pendingCommission: unknown }>(
    `/v1/providers/${A}`,
    (p) => p.pendingCommission !== null,
  );
});

afterAll(async () => {
  await indexer?.stop();
});

describe("providers", () => {
  test("totals, self-stake and commission equal the contract's view", async () => {
    const { body } = await indexer.get<Page<Provider>>("/v1/providers");
    expect(body.items.map((p) => p.address).sort()).toEqual([A, B].sort());
    for (const p of body.items) {
      const view = (await read("getProvider", [p.address])) as {
        totalStake: bigint;
        selfStake: bigint;
        commissionBps: bigint;
        pendingCommissionBps: bigint;
      };
      expect(p.totalStake).toBe(view.totalStake.toString());
      expect(p.selfStake).toBe(view.selfStake.toString());
      expect(BigInt(p.commissionBps)).toBe(view.commissionBps);
      expect(p.address).toBe(getAddress(p.address));
      expect(p.status).toBe("Active");
    }
    // Sorted by stake, largest first: A has alice, carol and bob's redelegation.
    expect(body.items[0]?.address).toBe(A);
    const a = body.items[0];
    expect(a?.name).toBe("Acme RPC");
    // A data: URI is decoded in place, without waiting for any fetch.
    expect(a?.metadata).toEqual({ status: "resolved", error: null, checkedAt: expect.any(Object) });
    expect(a?.chains).toEqual(["ethereum"]);
    expect(a?.pendingCommission?.commissionBps).toBe(1_500);
    expect(a?.delegators).toBe(3);
  });

  test("cursor pagination walks every provider once, in order", async () => {
    const first = await indexer.get<Page<Provider>>("/v1/providers?sort=commission&order=asc&limit=1");
    expect(first.body.items.map((p) => p.address)).toEqual([B]);
    expect(first.body.nextCursor).not.toBeNull();
    const second = await indexer.get<Page<Provider>>(
      `/v1/providers?sort=commission&order=asc&limit=1&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items.map((p) => p.address)).toEqual([A]);
    expect(second.body.nextCursor).toBeNull();
  });

  test("filters by status and chain; sorts by every key", async () => {
    expect((await indexer.get<Page<Provider>>("/v1/providers?status=Pending")).body.items).toEqual([]);
    expect((await indexer.get<Page<Provider>>("/v1/providers?chain=ETHEREUM")).body.items).toHaveLength(2);
    expect((await indexer.get<Page<Provider>>("/v1/providers?chain=polygon")).body.items).toEqual([]);
    for (const sort of ["stake", "apy", "commission", "score", "capacity"])
      expect((await indexer.get(`/v1/providers?sort=${sort}`)).status).toBe(200);
    const byScore = await indexer.get<Page<Provider>>("/v1/providers?sort=score");
    expect(byScore.body.items[0]?.address).toBe(A);
  });

  test("detail: per-epoch history with score, reward and net APY", async () => {
    const { body } = await indexer.get<{
      history: { epoch: number; scoreBps: number; reward: string; commission: string }[];
      netApy: { last1: number; last4: number; last12: number };
      capacityLeft: string;
    }>(`/v1/providers/${A.toLowerCase()}`);
    expect(body.history).toHaveLength(1);
    expect(body.history[0]?.scoreBps).toBe(10_000);
    expect(BigInt(body.history[0]?.reward ?? 0)).toBeGreaterThan(0n);
    expect(body.netApy.last1).toBeGreaterThan(0);
    const capacity = await reader.publicClient.readContract({
      address: deployment.staking,
      abi: ankrStakingAbi,
      functionName: "capacityLeft",
      args: [A, address("carol")],
    });
    expect(body.capacityLeft).toBe(capacity.toString());
  });
});

describe("delegators", () => {
  test("positions, pending rewards and unbonding queue equal the contract's view at the same block", async () => {
    const { status, body } = await indexer.get<{
      atBlock: number;
      positions: { provider: string; stake: string; pendingRewards: string }[];
      unbonding: { entryId: string; amount: string; releaseAt: { unix: number }; withdrawable: boolean }[];
    }>(`/v1/delegators/${ALICE}`);
    expect(status, `${JSON.stringify(body)}\n${indexer.output().slice(-3000)}`).toBe(200);
    const block = BigInt(body.atBlock);
    expect(body.positions).toHaveLength(1);
    const [stake, rewards] = (await read("getDelegation", [A, ALICE], block)) as [bigint, bigint];
    expect(body.positions[0]?.stake).toBe(stake.toString());
    expect(body.positions[0]?.pendingRewards).toBe(rewards.toString());
    const [firstEntryId, entries] = (await read("unbondingQueue", [ALICE], block)) as unknown as [
      bigint,
      { amount: bigint; releaseAt: number }[],
    ];
    expect(entries.length).toBeGreaterThan(0);
    expect(body.unbonding.map((e) => [e.entryId, e.amount, e.releaseAt.unix])).toEqual(
      entries.map((e, i) => [
        (firstEntryId + BigInt(i)).toString(),
        e.amount.toString(),
        Number(e.releaseAt),
      ]),
    );
  });

  test("history lists every action with tx hash and time; the CSV opens as a table", async () => {
    const { body } = await indexer.get<Page<HistoryItem>>(`/v1/delegators/${ALICE}/history`);
    expect(body.items.map((i) => i.kind)).toEqual(["claim", "undelegate", "delegate"]);
    for (const item of body.items) {
      expect(item.txHash).toMatch(/^0x[0-9a-f]{64}$/);
      expect(new Date(item.time.iso).getTime()).toBe(item.time.unix * 1000);
    }
    const page = await indexer.get<Page<HistoryItem>>(`/v1/delegators/${ALICE}/history?limit=2`);
    const rest = await indexer.get<Page<HistoryItem>>(
      `/v1/delegators/${ALICE}/history?limit=2&cursor=${page.body.nextCursor}`,
    );
    expect([...page.body.items, ...rest.body.items]).toEqual(body.items);
    expect(rest.body.nextCursor).toBeNull();

    const csv = await indexer.get<string>(`/v1/delegators/${ALICE}/history.csv`);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const lines = csv.body.split("\r\n").filter(Boolean);
    expect(lines[0]).toBe(
      "date_utc,unix_time,action,provider,to_provider,amount_ankr,amount_wei,tx_hash,log_index,block",
    );
    expect(lines.slice(1).map((l) => l.split(",")[2])).toEqual(["delegate", "undelegate", "claim"]);
    expect(lines[1]?.split(",")[5]).toBe("50000");
  });

  test("the CSV comes in pages of at most 10,000 rows, the next one named in a Link header", async () => {
    const rows = (body: string) => body.split("\r\n").filter(Boolean).slice(1);
    const whole = await indexer.get<string>(`/v1/delegators/${ALICE}/history.csv`);
    expect(whole.headers.get("link")).toBeNull();
    const first = await indexer.get<string>(`/v1/delegators/${ALICE}/history.csv?limit=2`);
    expect(rows(first.body)).toHaveLength(2);
    const link = first.headers.get("link") ?? "";
    expect(link).toMatch(
      /^<\/v1\/delegators\/0x[0-9a-fA-F]{40}\/history\.csv\?limit=2&cursor=[\w-]+>; rel="next"$/,
    );
    expect(first.headers.get("x-next-cursor")).toBeTruthy();
    const next = await indexer.get<string>(link.slice(1, link.indexOf(">")));
    expect(next.headers.get("link")).toBeNull();
    expect([...rows(first.body), ...rows(next.body)]).toEqual(rows(whole.body));
    expect((await indexer.get(`/v1/delegators/${ALICE}/history.csv?limit=10000`)).status).toBe(200);
    expect((await indexer.get(`/v1/delegators/${ALICE}/history.csv?limit=10001`)).status).toBe(400);
  });

  test("the CSV's Link names only the parameters the API reads: an ignored one shares the cached answer", async () => {
    const path = `/v1/delegators/${ALICE}/history.csv`;
    const junk = await indexer.get<string>(`${path}?utm=%3Cphish%3E&limit=1`);
    const link = junk.headers.get("link") ?? "";
    expect(link).toMatch(
      /^<\/v1\/delegators\/0x[0-9a-fA-F]{40}\/history\.csv\?limit=1&cursor=[\w-]+>; rel="next"$/,
    );
    // The same cache entry (the key ignores `utm`): the next client gets no one else's URL.
    const clean = await indexer.get<string>(`${path}?limit=1`);
    expect([clean.headers.get("x-cache"), clean.headers.get("link")]).toEqual(["hit", link]);
  });
});

describe("protocol", () => {
  test("epochs and stats", async () => {
    const epochs =
      await indexer.get<Page<{ epoch: number; providers: number; distributed: string }>>("/v1/epochs");
    expect(epochs.body.items).toHaveLength(1);
    expect(epochs.body.items[0]?.providers).toBe(2);
    const stats = await indexer.get<{
      totalStaked: string;
      delegators: number;
      providers: { active: number };
    }>("/v1/stats");
    const [totalStaked] = (await read("totals", [])) as [bigint];
    expect(stats.body.totalStaked).toBe(totalStaked.toString());
    expect(stats.body.delegators).toBe(3);
    expect(stats.body.providers.active).toBe(2);
  });

  test("ETag and Cache-Control; If-None-Match gets 304", async () => {
    const first = await indexer.get("/v1/stats");
    const etag = first.headers.get("etag");
    expect(etag).toBeTruthy();
    expect(first.headers.get("cache-control")).toMatch(/max-age/);
    const again = await fetch(`${indexer.url}/v1/stats`, { headers: { "If-None-Match": etag ?? "" } });
    expect(again.status).toBe(304);
  });

  test("the response cache: junk query strings share an entry, one-off URLs evict nothing useful, errors are not kept", async () => {
    const cache = async (path: string) => (await indexer.get(path)).headers.get("x-cache");
    // Asked for twice: out of probation.
    await cache("/v1/providers");
    await cache("/v1/providers");
    expect(await cache("/v1/providers")).toBe("hit");
    // Parameters the API does not read are not part of the key.
    for (let i = 0; i < 20; i++) expect(await cache(`/v1/providers?junk=${i}&x${i}=1`)).toBe("hit");
    // Three hundred one-off answers (over the whole 200 kB cache together) push out only each other.
    for (let i = 0; i < 300; i++) {
      const someone = `0x${(i + 1).toString(16).padStart(40, "0")}`;
      expect((await indexer.get(`/v1/delegators/${someone}`)).status).toBe(200);
    }
    expect(await cache("/v1/providers")).toBe("hit");
    // A 400 is answered again every time, never stored.
    for (let i = 0; i < 3; i++) {
      const bad = await indexer.get("/v1/providers?sort=bogus");
      expect([bad.status, bad.headers.get("x-cache")]).toEqual([400, "miss"]);
    }
  });

  test("a cached response is replaced as soon as health reports the block that changed it", async () => {
    const before = await indexer.get<Provider>(`/v1/providers/${B}`);
    const repeat = await indexer.get<Provider>(`/v1/providers/${B}`);
    expect(repeat.headers.get("etag")).toBe(before.headers.get("etag"));
    await client("alice").delegate({ provider: B, amount: parseEther("1000") });
    const head = await reader.publicClient.getBlockNumber({ cacheTime: 0 });
    await indexer.until<{ indexedBlock: number }>("/v1/health", (h) => BigInt(h.indexedBlock) >= head);
    const after = await indexer.get<Provider>(`/v1/providers/${B}`);
    const view = (await read("getProvider", [B], head)) as { totalStake: bigint };
    expect(after.body.totalStake).toBe(view.totalStake.toString());
    expect(BigInt(after.body.totalStake) - BigInt(before.body.totalStake)).toBe(parseEther("1000"));
  });

  test("OpenAPI document and GraphQL", async () => {
    const { body } = await indexer.get<{ openapi: string; paths: Record<string, unknown> }>("/openapi.json");
    expect(body.openapi).toBe("3.1.0");
    expect(Object.keys(body.paths)).toContain("/v1/providers");
    const gql = await indexer.get<{ data: { providers: { items: { address: string }[] } } }>("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ providers { items { address totalStake } } }" }),
    });
    expect(gql.status).toBe(200);
    expect(gql.body.data.providers.items).toHaveLength(2);
  });

  test("health: 200 when caught up, 503 when behind by more than the threshold", async () => {
    const ok = await indexer.until<{ ok: boolean }>("/v1/health", (h) => h.ok);
    expect(ok.ok).toBe(true);
    await rpc("anvil_mine", ["0x2710"]);
    // The chain head is cached for a quarter of a second.
    await new Promise((r) => setTimeout(r, 300));
    const behind = await indexer.get<{ ok: boolean; lagBlocks: number }>("/v1/health");
    expect(behind.status).toBe(503);
    expect(behind.body.ok).toBe(false);
    expect(behind.body.lagBlocks).toBeGreaterThan(50);
  });
});

describe("bad input gets a 4xx JSON error naming the problem", () => {
  const cases: [string, number, RegExp][] = [
    ["/v1/providers/0x1234", 400, /address/],
    ["/v1/providers/not-an-address", 400, /address/],
    [`/v1/providers/${"0x".padEnd(42, "1")}`, 404, /not found/],
    ["/v1/providers?sort=bogus", 400, /sort/],
    ["/v1/providers?order=sideways", 400, /order/],
    ["/v1/providers?status=Happy", 400, /status/],
    ["/v1/providers?chain=%20;drop", 400, /chain/],
    ["/v1/providers?limit=0", 400, /limit/],
    ["/v1/providers?limit=1000", 400, /limit/],
    ["/v1/providers?limit=ten", 400, /limit/],
    ["/v1/providers?cursor=%%%", 400, /cursor/],
    ["/v1/providers?cursor=eyJhIjoxfQ", 400, /cursor/],
    ["/v1/delegators/0xzz", 400, /address/],
    [`/v1/delegators/${"0x".padEnd(42, "1")}/history?cursor=WyJ4Il0`, 400, /cursor/],
    [`/v1/delegators/${"0x".padEnd(42, "1")}/history?limit=100000`, 400, /limit/],
    ["/v1/delegators/0x12/history.csv", 400, /address/],
    [`/v1/delegators/${"0x".padEnd(42, "1")}/history.csv?limit=10001`, 400, /limit/],
    [`/v1/delegators/${"0x".padEnd(42, "1")}/history.csv?cursor=WyJ4Il0`, 400, /cursor/],
    ["/v1/epochs?cursor=WyJ4Il0", 400, /cursor/],
    ["/v1/epochs?limit=-1", 400, /limit/],
    ["/v1/nothing-here", 404, /no such endpoint/],
  ];
  test.each(cases)("%s → %i", async (path, status, message) => {
    const { status: got, body } = await indexer.get<{ error: { code: string; message: string } }>(path);
    expect(got).toBe(status);
    expect(body.error.message).toMatch(message);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
  });
});
