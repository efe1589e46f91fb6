// From probe to score, for every protocol family and every way a fake endpoint can behave: each
// round probes two healthy reference providers and one endpoint per mode (real loopback servers),
// scores the round, and the endpoint scores must be what the formula says of what was measured.
import { CHAINS, type ChainEntry, type ProtocolFamily } from "@ankr-staking/sdk";
import { HostLimiter, type RequestLimits } from "@ankr-staking/sdk/node";
import { afterAll, describe, expect, it } from "vitest";
import { PROBES } from "../src/probes/families.ts";
import {
  chainScore,
  freshnessBps,
  type Sample,
  type ScoringConfig,
  samplePoints,
  scoreRound,
} from "../src/scoring/score.ts";
import { type FakeEndpoint, type Mode, startFake } from "../src/testing/fakes.ts";

// Latency bounds far from both loopback round trips and the slow fake's delay, so a loaded machine
// cannot move a healthy endpoint off full latency, and the slow one always scores zero latency.
const SCORING: ScoringConfig = { latencyTargetMs: 400, latencyMaxMs: 800 };
const SLOW_MS = 800;
const HEAD = 1_000_000;

const limits = (): RequestLimits => ({
  timeoutMs: 1500,
  maxBytes: 64 * 1024,
  policy: { allow: ["127.0.0.0/8"] },
  limiter: new HostLimiter(8),
});

const fakes: FakeEndpoint[] = [];
afterAll(async () => {
  await Promise.all(fakes.map((f) => f.close()));
});

const MODES: Mode[] = [
  "healthy",
  "slow",
  "lagging",
  "wrong-chain",
  "erroring",
  "malformed",
  "huge",
  "hanging",
  "redirect",
];

const oneChainPerFamily = [
  ...new Map(CHAINS.map((c) => [c.family, c] as [ProtocolFamily, ChainEntry])).values(),
];

async function probe(provider: string, chain: ChainEntry, url: string, lim: RequestLimits): Promise<Sample> {
  const base = { provider, chain: chain.id, endpoint: url };
  try {
    const { head, latencyMs } = await PROBES[chain.family](url, chain, lim);
    return { ...base, ok: true, head, latencyMs };
  } catch (error) {
    return { ...base, ok: false, error: (error as Error).message };
  }
}

describe("every family x every mode, probe to score", () => {
  for (const chain of oneChainPerFamily) {
    it(`${chain.family} (${chain.id})`, async () => {
      // Half of maxLag behind: freshness reduced, not zero.
      const lagBy = Math.max(1, Math.floor(chain.maxLag / 2));
      const start = (mode: Mode) =>
        startFake({
          family: chain.family,
          identity: chain.identity,
          head: HEAD,
          mode,
          delayMs: SLOW_MS,
          lagBy,
        });
      const references = await Promise.all([start("healthy"), start("healthy")]);
      const byMode = new Map<Mode, FakeEndpoint>();
      for (const mode of MODES) byMode.set(mode, await start(mode));
      fakes.push(...references, ...byMode.values());

      const lim = limits();
      const samples = await Promise.all([
        ...references.map((f, i) => probe(`ref${i}`, chain, f.url, lim)),
        ...MODES.map((mode) => probe(mode, chain, (byMode.get(mode) as FakeEndpoint).url, lim)),
      ]);
      const round = scoreRound(samples, () => chain.maxLag, SCORING);
      const score = (provider: string) => {
        const sample = round.find((s) => s.provider === provider);
        if (!sample) throw new Error(`no sample for ${provider}`);
        // Its chain's score after this one round (the provider's only endpoint).
        return { sample, score: chainScore({ declaredRounds: 1, points: samplePoints(sample) }, 1) };
      };

      // Up, fast, at the reference head: full marks.
      expect(score("ref0").score).toBe(10_000);
      expect(score("healthy").score).toBe(10_000);
      // Up and fresh but past the latency max: 40% + 30% freshness.
      const slow = score("slow");
      expect(slow.sample.latencyMs).toBeGreaterThanOrEqual(SLOW_MS);
      expect(slow.score).toBe(7000);
      // Fast, behind by lagBy: the freshness component shrinks as the formula says.
      const lagging = score("lagging");
      expect(lagging.sample.lag).toBe(lagBy);
      const f = freshnessBps(lagBy, chain.maxLag);
      expect(f).toBeLessThan(10_000);
      expect(lagging.score).toBe(Math.floor((10_000 * (40_000 + 30_000 + 3 * f)) / 100_000));
      expect(lagging.score).toBeLessThan(10_000);
      // Every failing mode fails its probe and scores nothing.
      for (const mode of ["wrong-chain", "erroring", "malformed", "huge", "hanging", "redirect"] as const) {
        const failed = score(mode);
        expect(failed.sample.ok, mode).toBe(false);
        expect(failed.score, mode).toBe(0);
      }
      // Hostile endpoints did not touch the others: the healthy ones kept full scores above.
    });
  }
});
