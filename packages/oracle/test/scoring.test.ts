// The scoring rules of docs/oracle.md ("Scoring"): components, the reference head and what lying
// about heads can do, round points, and epoch scores from a real (in-memory) store, including the
// worked example, renamed and dropped endpoints and chains, and rounds that must not count.
import { describe, expect, it } from "vitest";

import { distinctEndpoints, endpointKey } from "../src/scoring/endpoint.ts";
import {
  chainRoundPoints,
  chainScore,
  DEFAULT_SCORING,
  freshnessBps,
  latencyBps,
  providerScore,
  referenceHeads,
  roundCounts,
  type Sample,
  type ScoredSample,
  samplePoints,
  scoreRound,
} from "../src/scoring/score.ts";
import { Store } from "../src/store.ts";

const s = (provider: string, chain: string, ok: boolean, head?: number, latencyMs?: number): Sample => ({
  provider,
  chain,
  endpoint: `https://${provider}.example/${chain}`,
  ok,
  ...(head === undefined ? {} : { head }),
  ...(latencyMs === undefined ? {} : { latencyMs }),
});

/** A sample with its components set directly (what scoreRound would have made of a probe). */
const scored = (provider: string, chain: string, endpoint: string, latency: number, freshness: number) =>
  ({
    provider,
    chain,
    endpoint,
    ok: true,
    head: 1,
    latencyMs: 1,
    lag: 0,
    latencyBps: latency,
    freshnessBps: freshness,
  }) satisfies ScoredSample;
const failed = (provider: string, chain: string, endpoint: string): ScoredSample => ({
  provider,
  chain,
  endpoint,
  ok: false,
  error: "ProbeRequestError: connection refused",
  latencyBps: 0,
  freshnessBps: 0,
});

describe("components", () => {
  it("latency: full to the target, zero from the max, linear between", () => {
    expect(latencyBps(100, DEFAULT_SCORING)).toBe(10_000);
    expect(latencyBps(250, DEFAULT_SCORING)).toBe(10_000);
    expect(latencyBps(600, DEFAULT_SCORING)).toBe(8000);
    expect(latencyBps(1125, DEFAULT_SCORING)).toBe(5000);
    expect(latencyBps(2000, DEFAULT_SCORING)).toBe(0);
    expect(latencyBps(Number.POSITIVE_INFINITY, DEFAULT_SCORING)).toBe(0);
  });

  it("freshness: full at the reference head, zero at maxLag behind", () => {
    expect(freshnessBps(0, 3)).toBe(10_000);
    expect(freshnessBps(1, 3)).toBe(6666);
    expect(freshnessBps(3, 3)).toBe(0);
    expect(freshnessBps(50, 3)).toBe(0);
  });

  it("a sample's points: 0 when failed, 40,000 + 3 L + 3 F when answered", () => {
    expect(samplePoints(scored("a", "eth", "e", 10_000, 10_000))).toBe(100_000);
    expect(samplePoints(scored("a", "eth", "e", 8000, 5000))).toBe(79_000);
    expect(samplePoints(scored("a", "eth", "e", 0, 0))).toBe(40_000);
    expect(samplePoints(failed("a", "eth", "e"))).toBe(0);
  });
});

describe("the reference head", () => {
  it("is measured per chain", () => {
    const round = scoreRound(
      [
        s("a", "eth", true, 100, 100),
        s("b", "eth", true, 100, 100),
        s("e", "eth", true, 98, 100),
        s("c", "sol", true, 5, 100),
        s("d", "eth", false),
      ],
      () => 4,
      DEFAULT_SCORING,
    );
    expect(round.map((r) => r.lag)).toEqual([0, 0, 2, 0, undefined]);
    expect(round.map((r) => r.freshnessBps)).toEqual([10_000, 10_000, 5000, 10_000, 0]);
  });

  it("is the highest head a strict majority of the answering providers reached, each counted once", () => {
    const ref = (heads: number[]) =>
      referenceHeads(heads.map((h, i) => s(`p${i}`, "eth", true, h))).get("eth");
    expect(ref([7])).toBe(7); // one provider: its own best head
    expect(ref([7, 9])).toBe(7); // two: the lower
    expect(ref([9, 7, 8])).toBe(8);
    expect(ref([10, 7, 9, 8])).toBe(8); // three of four reached 8
    expect(ref([10, 10, 7, 7])).toBe(7); // a tie at the top is not a majority
    expect(ref([10, 10, 10, 7])).toBe(10);
    expect(ref([5, 1, 4, 2, 3])).toBe(3);
    // A provider counts once, with its best endpoint; failed probes not at all.
    expect(
      referenceHeads([
        s("a", "eth", true, 100),
        { ...s("a", "eth", true, 120), endpoint: "https://a.example/eth2" },
        { ...s("a", "eth", true, 121), endpoint: "https://a.example/eth3" },
        s("b", "eth", true, 99),
        s("c", "eth", true, 90),
        s("d", "eth", false),
        s("x", "sol", true, 7),
      ]),
    ).toEqual(
      new Map([
        ["eth", 99],
        ["sol", 7],
      ]),
    );
  });

  it("a minority of providers lying about heads changes no honest provider's score", () => {
    const MAX_LAG = 4;
    const REAL = 1000;
    // Five honest providers, not all at the same head.
    const honest = [REAL, REAL, REAL - 1, REAL - 2, REAL - 3].map((h, i) => s(`h${i}`, "eth", true, h, 100));
    const round = (liars: Sample[]) => scoreRound([...honest, ...liars], () => MAX_LAG, DEFAULT_SCORING);
    for (const k of [1, 2]) {
      const liars = (head: number) => Array.from({ length: k }, (_, i) => s(`x${i}`, "eth", true, head, 100));
      const truthful = round(liars(REAL));
      // Above the real head (the finding: real + 9 maxLag), by any amount: nothing changes.
      for (const claim of [REAL + 1, REAL + 9 * MAX_LAG, REAL + 10 * MAX_LAG + 1, Number.MAX_SAFE_INTEGER]) {
        const lied = round(liars(claim));
        expect(lied.slice(0, 5), `${k} liars at ${claim}`).toEqual(truthful.slice(0, 5));
        // And the liars get exactly what answering the real head gets them: nothing more.
        expect(lied.slice(5).map((x) => x.freshnessBps)).toEqual(
          truthful.slice(5).map((x) => x.freshnessBps),
        );
      }
      // Below it (or stuck): no honest provider loses anything, the liars lag themselves.
      for (const claim of [0, REAL - 50, REAL - 2]) {
        const lied = round(liars(claim));
        for (let i = 0; i < 5; i++) {
          expect(lied[i]?.freshnessBps, `${k} liars at ${claim}`).toBeGreaterThanOrEqual(
            truthful[i]?.freshnessBps ?? Number.POSITIVE_INFINITY,
          );
        }
      }
    }
    // Honest providers all at the real head (the usual case): even a low lie changes nothing.
    const level = [REAL, REAL, REAL].map((h, i) => s(`h${i}`, "eth", true, h, 100));
    const withLiars = (head: number) =>
      scoreRound([...level, s("x0", "eth", true, head, 100)], () => MAX_LAG, DEFAULT_SCORING).slice(0, 3);
    for (const claim of [0, REAL + 9 * MAX_LAG]) expect(withLiars(claim)).toEqual(withLiars(REAL));
  });

  it("a head far above the reference gains nothing, and costs no one anything", () => {
    const honest = [
      s("a", "eth", true, 100, 100),
      s("b", "eth", true, 100, 100),
      s("c", "eth", true, 98, 100),
    ];
    const atReference = scoreRound([...honest, s("h", "eth", true, 100, 100)], () => 4, DEFAULT_SCORING);
    for (const claim of [101, 100 + 9 * 4, 100 + 41, Number.MAX_SAFE_INTEGER]) {
      const round = scoreRound([...honest, s("h", "eth", true, claim, 100)], () => 4, DEFAULT_SCORING);
      expect(round.slice(0, 3)).toEqual(atReference.slice(0, 3));
      expect(round[3]).toEqual({ ...atReference[3], head: claim });
    }
  });

  it("on a chain two providers serve, neither one's head can hurt the other", () => {
    // A rival answering a stale head is the reference (the lower of two): both count as not behind.
    // (The old rule failed the fresh one for being "implausibly far ahead" of a stale rival.)
    for (const [a, b] of [
      [1_000_000, 10],
      [1_000_000, 10 ** 12],
    ] as const) {
      const round = scoreRound(
        [s("a", "eth", true, a, 100), s("b", "eth", true, b, 100)],
        () => 4,
        DEFAULT_SCORING,
      );
      expect(round.map((r) => [r.ok, r.freshnessBps])).toEqual([
        [true, 10_000],
        [true, 10_000],
      ]);
    }
  });

  it("is deterministic: the same samples give the same scores in any order", () => {
    const samples = [
      s("a", "eth", true, 10, 300),
      s("b", "eth", true, 9, 900),
      s("c", "eth", false),
      s("d", "eth", true, 10, 100),
      s("e", "eth", true, 7, 100),
    ];
    const one = scoreRound(samples, () => 3, DEFAULT_SCORING);
    const two = scoreRound([...samples].reverse(), () => 3, DEFAULT_SCORING).reverse();
    expect(two).toEqual(one);
  });
});

describe("round points", () => {
  it("per provider and chain: the mean of its endpoints' points, rounded down", () => {
    const points = chainRoundPoints([
      scored("a", "eth", "e1", 10_000, 10_000), // 100,000
      scored("a", "eth", "e2", 8000, 5000), // 79,000
      failed("a", "eth", "e3"), // 0
      scored("a", "sol", "s1", 0, 0), // 40,000
      failed("b", "eth", "x1"),
    ]);
    expect(points).toEqual(
      new Map([
        [
          "a",
          new Map([
            ["eth", 59_666],
            ["sol", 40_000],
          ]),
        ],
        ["b", new Map([["eth", 0]])],
      ]),
    );
  });

  it("a round in which nothing answered does not count", () => {
    expect(roundCounts([failed("a", "eth", "e1"), failed("b", "eth", "x1")])).toBe(false);
    expect(roundCounts([])).toBe(false);
    expect(roundCounts([failed("a", "eth", "e1"), scored("b", "eth", "x1", 0, 0)])).toBe(true);
  });
});

describe("endpoint names", () => {
  it("one endpoint whatever its spelling: case, default port, trailing dot or slash, query, fragment", () => {
    const key = "https://rpc.example/eth";
    for (const url of [
      "https://rpc.example/eth",
      "HTTPS://RPC.Example/eth/",
      "https://rpc.example.:443/eth//",
      "https://rpc.example/eth?cache-bust=1",
      "https://user:pw@rpc.example/eth/#x",
      "https://rpc.example/./v1/../eth",
    ])
      expect(endpointKey(url), url).toBe(key);
    expect(endpointKey("https://rpc.example/ETH")).not.toBe(key); // paths are case-sensitive
    expect(endpointKey("http://rpc.example/eth")).not.toBe(key);
    expect(endpointKey("https://rpc.example:8545/eth")).not.toBe(key);
    expect(
      distinctEndpoints([
        "https://a.example/x/",
        "https://A.example/x",
        "https://a.example/x?k=2",
        "https://b.example/x",
      ]),
    ).toEqual(["https://a.example/x/", "https://b.example/x"]);
  });
});

/** Records `rounds` rounds in a fresh in-memory store, each as `round(i)` says (providers, samples). */
async function epochOf(
  rounds: number,
  round: (i: number) => { providers: string[]; samples: ScoredSample[] },
): Promise<Store> {
  const store = await Store.open(undefined);
  for (let i = 0; i < rounds; i++) {
    const { providers, samples } = round(i);
    if (roundCounts(samples)) store.recordRound(7, providers, samples, 1000 + i);
  }
  return store;
}

describe("epoch scores", () => {
  it("the docs/oracle.md worked example", async () => {
    // Ethereum: e1 answers 9 of 10 rounds (latency 8,000, freshness 5,000), e2 always perfect;
    // Solana: always up and fast but 150+ slots behind.
    const store = await epochOf(10, (i) => ({
      providers: ["p"],
      samples: [
        i === 4
          ? failed("p", "ethereum", "https://e1.example")
          : scored("p", "ethereum", "https://e1.example", 8000, 5000),
        scored("p", "ethereum", "https://e2.example", 10_000, 10_000),
        scored("p", "solana", "https://s1.example", 10_000, 0),
      ],
    }));
    const tally = store.providerTally(7, "p");
    expect(tally.rounds).toBe(10);
    expect(tally.chains.get("ethereum")).toEqual({ declaredRounds: 10, points: 855_500 });
    expect(providerScore(tally, ["ethereum", "solana"])).toEqual({
      score: 7777,
      chains: { ethereum: 8555, solana: 7000 },
    });
    expect(store.tally(7, "p", "ethereum", "https://e1.example")).toEqual({
      rounds: 10,
      ok: 9,
      latencyPoints: 72_000,
      freshnessPoints: 45_000,
    });
    // Had it dropped Solana from its metadata after round 5, Solana's last five rounds count 0.
    const dropped = await epochOf(10, (i) => ({
      providers: ["p"],
      samples: [
        i === 4
          ? failed("p", "ethereum", "https://e1.example")
          : scored("p", "ethereum", "https://e1.example", 8000, 5000),
        scored("p", "ethereum", "https://e2.example", 10_000, 10_000),
        ...(i < 5 ? [scored("p", "solana", "https://s1.example", 10_000, 0)] : []),
      ],
    }));
    expect(providerScore(dropped.providerTally(7, "p"), ["ethereum"])).toEqual({
      score: 6027,
      chains: { ethereum: 8555, solana: 3500 },
    });
  });

  it("down for 59 of 60 rounds, renamed before the last one, scores at most about 2%", async () => {
    for (const renamed of [
      "https://r.example/eth/", // a trailing slash
      "https://r.example/eth?v=2", // a query string
      "https://node2.r.example/eth", // another host name
    ]) {
      const store = await epochOf(60, (i) => ({
        providers: ["steady", "r"],
        samples: [
          scored("steady", "eth", "https://steady.example/eth", 10_000, 10_000),
          i < 59 ? failed("r", "eth", "https://r.example/eth") : scored("r", "eth", renamed, 10_000, 10_000),
        ],
      }));
      const { score } = providerScore(store.providerTally(7, "r"), ["eth"]);
      expect(score, renamed).toBe(166); // 100,000 points over 60 rounds
      expect(providerScore(store.providerTally(7, "steady"), ["eth"]).score).toBe(10_000);
    }
  });

  it("a chain declared late counts its earlier rounds as failed; many endpoints weigh as one", async () => {
    const store = await epochOf(10, (i) => ({
      providers: ["p"],
      samples: [
        scored("p", "eth", "https://p.example/eth", 10_000, 10_000),
        // Solana declared from round 8, with eight endpoints.
        ...(i >= 8
          ? Array.from({ length: 8 }, (_, j) => scored("p", "sol", `https://s${j}.p.example`, 10_000, 10_000))
          : []),
      ],
    }));
    expect(providerScore(store.providerTally(7, "p"), ["eth", "sol"])).toEqual({
      score: 6000,
      chains: { eth: 10_000, sol: 2000 },
    });
    // Declared now but not measured yet: 0.
    expect(providerScore(store.providerTally(7, "p"), ["eth", "sol", "near"]).chains.near).toBe(0);
  });

  it("only rounds the provider was scored in and this member recorded count", async () => {
    // "late" joins the scored set at round 5; rounds 2 and 3 nothing answered (this member cut off).
    const store = await epochOf(10, (i) => {
      const cutOff = i === 2 || i === 3;
      const sample = (p: string) =>
        cutOff
          ? failed(p, "eth", `https://${p}.example`)
          : scored(p, "eth", `https://${p}.example`, 10_000, 10_000);
      return i < 5
        ? { providers: ["early"], samples: [sample("early")] }
        : { providers: ["early", "late"], samples: [sample("early"), sample("late")] };
    });
    expect(store.providerTally(7, "early").rounds).toBe(8);
    expect(store.providerTally(7, "late").rounds).toBe(5);
    expect(providerScore(store.providerTally(7, "early"), ["eth"]).score).toBe(10_000);
    expect(providerScore(store.providerTally(7, "late"), ["eth"]).score).toBe(10_000);
  });

  it("a provider scored without valid metadata scores nothing for those rounds", async () => {
    const store = await epochOf(4, (i) => ({
      providers: ["p", "q"],
      samples: [
        scored("q", "eth", "https://q.example", 10_000, 10_000),
        ...(i >= 2 ? [scored("p", "eth", "https://p.example", 10_000, 10_000)] : []),
      ],
    }));
    expect(providerScore(store.providerTally(7, "p"), ["eth"]).score).toBe(5000);
    expect(providerScore(store.providerTally(7, "nobody"), []).score).toBe(0);
    expect(chainScore(undefined, 4)).toBe(0);
  });
});
