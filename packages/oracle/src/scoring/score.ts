// The scoring formula, pure and integer-only so every member computes the same score from the same
// samples. Documented with a worked example in docs/oracle.md.

export const BPS = 10_000;

export interface ScoringConfig {
  /** Latency at or under which the latency component is full. */
  latencyTargetMs: number;
  /** Latency at or over which it is zero. */
  latencyMaxMs: number;
  /**
   * A head more than this many `maxLag`s ahead of the chain's reference head is implausible: the
   * sample counts as failed (a lie about the head, or a node on a fork).
   */
  leadLimitLags: number;
}

export const DEFAULT_SCORING: ScoringConfig = { latencyTargetMs: 250, latencyMaxMs: 2000, leadLimitLags: 10 };

/** One probe of one endpoint in one round. */
export interface Sample {
  provider: string;
  chain: string;
  endpoint: string;
  ok: boolean;
  head?: number;
  latencyMs?: number;
  error?: string;
}

/** A sample with its components, once the round's reference head per chain is known. */
export interface ScoredSample extends Sample {
  /** The chain's reference head this round minus this endpoint's head (0 at or above it). */
  lag?: number;
  latencyBps: number;
  freshnessBps: number;
}

/** Running sums for one endpoint over an epoch. */
export interface Tally {
  rounds: number;
  ok: number;
  /** Sums over the ok rounds of the components, in bps. */
  latencyPoints: number;
  freshnessPoints: number;
}

export const EMPTY_TALLY: Tally = { rounds: 0, ok: 0, latencyPoints: 0, freshnessPoints: 0 };

/** Full at or under the target, zero at or over the max, linear (rounded down) between. */
export function latencyBps(ms: number, config: ScoringConfig): number {
  const t = Math.round(ms);
  if (t <= config.latencyTargetMs) return BPS;
  if (t >= config.latencyMaxMs) return 0;
  return Math.floor((BPS * (config.latencyMaxMs - t)) / (config.latencyMaxMs - config.latencyTargetMs));
}

/** Full at the best head, zero at `maxLag` behind or more, linear (rounded down) between. */
export function freshnessBps(lag: number, maxLag: number): number {
  if (lag <= 0) return BPS;
  if (lag >= maxLag) return 0;
  return Math.floor((BPS * (maxLag - lag)) / maxLag);
}

/**
 * Each chain's reference head this round: the highest head that at least two distinct providers
 * reached (the second highest of the providers' best heads), so no single provider can raise it;
 * with a single provider serving the chain, that provider's best head.
 */
export function referenceHeads(samples: readonly Sample[]): Map<string, number> {
  const best = new Map<string, Map<string, number>>();
  for (const s of samples) {
    if (!s.ok || s.head === undefined) continue;
    const byProvider = best.get(s.chain) ?? new Map<string, number>();
    byProvider.set(s.provider, Math.max(byProvider.get(s.provider) ?? 0, s.head));
    best.set(s.chain, byProvider);
  }
  const out = new Map<string, number>();
  for (const [chain, byProvider] of best) {
    const heads = [...byProvider.values()].sort((a, b) => b - a);
    out.set(chain, (heads.length >= 2 ? heads[1] : heads[0]) as number);
  }
  return out;
}

/**
 * Scores one round against each chain's {@link referenceHeads}. Failures score nothing; so does a
 * head more than `leadLimitLags * maxLag` ahead of the reference, which only its own endpoint pays
 * for. A head ahead of the reference by less is not behind: lag 0.
 */
export function scoreRound(
  samples: readonly Sample[],
  maxLagOf: (chain: string) => number,
  config: ScoringConfig,
): ScoredSample[] {
  const reference = referenceHeads(samples);
  return samples.map((s) => {
    if (!s.ok || s.head === undefined) return { ...s, ok: false, latencyBps: 0, freshnessBps: 0 };
    const maxLag = maxLagOf(s.chain);
    const ref = reference.get(s.chain) ?? s.head;
    if (s.head - ref > config.leadLimitLags * maxLag) {
      const error = `head ${s.head} implausibly far ahead of the reference ${ref}`;
      return { ...s, ok: false, error, latencyBps: 0, freshnessBps: 0 };
    }
    const lag = Math.max(0, ref - s.head);
    return {
      ...s,
      lag,
      latencyBps: latencyBps(s.latencyMs ?? Number.POSITIVE_INFINITY, config),
      freshnessBps: freshnessBps(lag, maxLag),
    };
  });
}

export function addToTally(tally: Tally, sample: ScoredSample): Tally {
  return {
    rounds: tally.rounds + 1,
    ok: tally.ok + (sample.ok ? 1 : 0),
    latencyPoints: tally.latencyPoints + (sample.ok ? sample.latencyBps : 0),
    freshnessPoints: tally.freshnessPoints + (sample.ok ? sample.freshnessBps : 0),
  };
}

/**
 * One endpoint's epoch score: availability A (ok rounds / rounds) gates a quality of 40% plus 30%
 * latency plus 30% freshness (means over the ok rounds):
 * `floor(A * (40,000 + 3 L + 3 F) / 100,000)`, all in bps.
 */
export function endpointScore(t: Tally): number {
  if (t.rounds === 0 || t.ok === 0) return 0;
  const availability = Math.floor((BPS * t.ok) / t.rounds);
  const latency = Math.floor(t.latencyPoints / t.ok);
  const freshness = Math.floor(t.freshnessPoints / t.ok);
  return Math.floor((availability * (40_000 + 3 * latency + 3 * freshness)) / 100_000);
}

/** The mean rounded down (0 for none). */
const meanDown = (values: readonly number[]) =>
  values.length === 0 ? 0 : Math.floor(values.reduce((a, b) => a + b, 0) / values.length);

/**
 * A provider's score: the mean over the chains it declares (known to the registry) of the mean over
 * that chain's endpoints. A chain declared but never probed counts as zero. No chains: zero.
 */
export function providerScore(
  declared: ReadonlyMap<string, readonly string[]>,
  tallyOf: (chain: string, endpoint: string) => Tally,
): { score: number; chains: Record<string, number> } {
  const chains: Record<string, number> = {};
  for (const [chain, endpoints] of declared) {
    chains[chain] = meanDown(endpoints.map((e) => endpointScore(tallyOf(chain, e))));
  }
  return { score: meanDown(Object.values(chains)), chains };
}
