import { describe, expect, it } from "vitest";

import {
  addToTally,
  DEFAULT_SCORING,
  EMPTY_TALLY,
  endpointScore,
  freshnessBps,
  latencyBps,
  providerScore,
  referenceHeads,
  type Sample,
  scoreRound,
  type Tally,
} from "../src/scoring/score.ts";

describe("components", () => {
  it("latency: full to the target, zero from the max, linear between", () => {
    expect(latencyBps(100, DEFAULT_SCORING)).toBe(10_000);
    expect(latencyBps(250, DEFAULT_SCORING)).toBe(10_000);
    expect(latencyBps(600, DEFAULT_SCORING)).toBe(8000);
    expect(latencyBps(1125, DEFAULT_SCORING)).toBe(5000);
    expect(latencyBps(2000, DEFAULT_SCORING)).toBe(0);
    expect(latencyBps(Number.POSITIVE_INFINITY, DEFAULT_SCORING)).toBe(0);
  });

  it("freshness: full at the best head, zero at maxLag behind", () => {
    expect(freshnessBps(0, 3)).toBe(10_000);
    expect(freshnessBps(1, 3)).toBe(6666);
    expect(freshnessBps(3, 3)).toBe(0);
    expect(freshnessBps(50, 3)).toBe(0);
  });
});

describe("rounds and tallies", () => {
  const s = (provider: string, chain: string, ok: boolean, head?: number, latencyMs?: number): Sample => ({
    provider,
    chain,
    endpoint: `https://${provider}/${chain}`,
    ok,
    ...(head === undefined ? {} : { head }),
    ...(latencyMs === undefined ? {} : { latencyMs }),
  });

  it("lag is measured against the reference head of the same chain only", () => {
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

  it("the reference is the highest head two distinct providers reached", () => {
    expect(
      referenceHeads([
        s("a", "eth", true, 100),
        { ...s("a", "eth", true, 120), endpoint: "https://a/eth2" }, // one provider, two endpoints
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

  it("a hostile provider claiming a huge head lowers only its own score", () => {
    const honest = [
      s("a", "eth", true, 100, 100),
      s("b", "eth", true, 100, 100),
      s("c", "eth", true, 98, 100),
    ];
    const without = scoreRound(honest, () => 4, DEFAULT_SCORING);
    for (const claim of [Number.MAX_SAFE_INTEGER, 100 + 41, 100 + 5]) {
      const round = scoreRound([...honest, s("h", "eth", true, claim, 100)], () => 4, DEFAULT_SCORING);
      // The others keep exactly the components they had without it.
      expect(round.slice(0, 3)).toEqual(without);
    }
    // Beyond leadLimitLags * maxLag (10 * 4) ahead of the reference: a failed sample for it alone.
    const [hostile] = scoreRound(
      [...honest, s("h", "eth", true, Number.MAX_SAFE_INTEGER, 100)],
      () => 4,
      DEFAULT_SCORING,
    ).slice(3);
    expect(hostile).toMatchObject({ ok: false, latencyBps: 0, freshnessBps: 0 });
    expect(hostile?.error).toMatch(/implausibly far ahead/);
    // Within the limit it is merely not behind.
    const [near] = scoreRound([...honest, s("h", "eth", true, 140, 100)], () => 4, DEFAULT_SCORING).slice(3);
    expect(near).toMatchObject({ ok: true, lag: 0, freshnessBps: 10_000 });
    // Two providers only: a huge claim cannot become the reference either.
    const pair = scoreRound(
      [s("a", "eth", true, 100, 100), s("h", "eth", true, 10 ** 12, 100)],
      () => 4,
      DEFAULT_SCORING,
    );
    expect(pair.map((r) => [r.ok, r.freshnessBps])).toEqual([
      [true, 10_000],
      [false, 0],
    ]);
  });

  it("endpoint score: availability gates 40% + 30% latency + 30% freshness", () => {
    const perfect: Tally = { rounds: 10, ok: 10, latencyPoints: 100_000, freshnessPoints: 100_000 };
    expect(endpointScore(perfect)).toBe(10_000);
    expect(endpointScore({ ...perfect, latencyPoints: 0, freshnessPoints: 0 })).toBe(4000);
    // The docs/oracle.md example: 9 of 10 rounds, mean latency 8000, mean freshness 5000.
    expect(endpointScore({ rounds: 10, ok: 9, latencyPoints: 72_000, freshnessPoints: 45_000 })).toBe(7110);
    expect(endpointScore(EMPTY_TALLY)).toBe(0);
    expect(endpointScore({ rounds: 5, ok: 0, latencyPoints: 0, freshnessPoints: 0 })).toBe(0);
  });

  it("tallies add ok rounds' components only", () => {
    const [ok, failed] = scoreRound(
      [s("a", "eth", true, 1, 100), s("b", "eth", false)],
      () => 3,
      DEFAULT_SCORING,
    );
    let t = addToTally(EMPTY_TALLY, ok as never);
    t = addToTally(t, failed as never);
    expect(t).toEqual({ rounds: 2, ok: 1, latencyPoints: 10_000, freshnessPoints: 10_000 });
  });

  it("a provider serving several chains scores the mean of its chains (each the mean of its endpoints)", () => {
    const tallies: Record<string, Tally> = {
      "eth|e1": { rounds: 4, ok: 4, latencyPoints: 40_000, freshnessPoints: 40_000 }, // 10000
      "eth|e2": { rounds: 4, ok: 2, latencyPoints: 20_000, freshnessPoints: 20_000 }, // 5000
      "sol|s1": { rounds: 4, ok: 4, latencyPoints: 0, freshnessPoints: 0 }, // 4000
    };
    const declared = new Map([
      ["eth", ["e1", "e2"]],
      ["sol", ["s1"]],
      ["dot", ["d1"]], // declared, never answered
    ]);
    const result = providerScore(declared, (c, e) => tallies[`${c}|${e}`] ?? EMPTY_TALLY);
    expect(result.chains).toEqual({ eth: 7500, sol: 4000, dot: 0 });
    expect(result.score).toBe(3833);
    expect(providerScore(new Map(), () => EMPTY_TALLY).score).toBe(0);
  });

  it("is deterministic: the same samples give the same scores in any order", () => {
    const samples = [s("a", "eth", true, 10, 300), s("b", "eth", true, 9, 900), s("c", "eth", false)];
    const one = scoreRound(samples, () => 3, DEFAULT_SCORING);
    const two = scoreRound([...samples].reverse(), () => 3, DEFAULT_SCORING).reverse();
    expect(two).toEqual(one);
  });
});
