// The scoring formula, pure and integer-only so every member computes the same score from the same
// samples. Stated exactly, with a worked example, in docs/oracle.md ("Scoring").
//
// Per round: each chain's reference head (what a strict majority of its providers reached), each
// sample's components against it, and one number of points per (provider, chain). Per epoch: each
// (provider, chain) is scored over every round the provider was scored in, so an endpoint renamed,
// added or dropped mid-epoch changes nothing already measured.

export const BPS = 10_000;

/** A sample's points at full marks: 40,000 for answering + 30,000 latency + 30,000 freshness. */
export const FULL_POINTS = 100_000;

export interface ScoringConfig {
  /** Latency at or under which the latency component is full. */
  latencyTargetMs: number;
  /** Latency at or over which it is zero. */
  latencyMaxMs: number;
}

export const DEFAULT_SCORING: ScoringConfig = { latencyTargetMs: 250, latencyMaxMs: 2000 };

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

/** Running sums for one endpoint over an epoch: shown per endpoint, not what the score reads. */
export interface Tally {
  rounds: number;
  ok: number;
  /** Sums over the ok rounds of the components, in bps. */
  latencyPoints: number;
  freshnessPoints: number;
}

export const EMPTY_TALLY: Tally = { rounds: 0, ok: 0, latencyPoints: 0, freshnessPoints: 0 };

/** One provider's measurements on one chain over an epoch. */
export interface ChainTally {
  /** Rounds in which the provider declared at least one endpoint for the chain. */
  declaredRounds: number;
  /** Sum over those rounds of the chain's round points ({@link chainRoundPoints}). */
  points: number;
}

/** One provider's measurements over an epoch: what its score is computed from. */
export interface ProviderTally {
  /** Rounds this member recorded while the provider was in the scored set. */
  rounds: number;
  /** Every chain the provider declared in at least one of those rounds. */
  chains: ReadonlyMap<string, ChainTally>;
}

export const EMPTY_PROVIDER_TALLY: ProviderTally = { rounds: 0, chains: new Map() };

/** Full at or under the target, zero at or over the max, linear (rounded down) between. */
export function latencyBps(ms: number, config: ScoringConfig): number {
  const t = Math.round(ms);
  if (t <= config.latencyTargetMs) return BPS;
  if (t >= config.latencyMaxMs) return 0;
  return Math.floor((BPS * (config.latencyMaxMs - t)) / (config.latencyMaxMs - config.latencyTargetMs));
}

/** Full at the reference head, zero at `maxLag` behind or more, linear (rounded down) between. */
export function freshnessBps(lag: number, maxLag: number): number {
  if (lag <= 0) return BPS;
  if (lag >= maxLag) return 0;
  return Math.floor((BPS * (maxLag - lag)) / maxLag);
}

/**
 * Each chain's reference head this round: the highest head that a strict majority of the providers
 * that answered on the chain reached. Each provider counts once, with its best head (the highest of
 * its endpoints'); sorted from the highest, the reference is the one at index `floor(n / 2)` (the
 * lower median). Raising it above every honest head takes more than half of the answering
 * providers; one provider: its own best head; two: the lower of their two.
 */
export function referenceHeads(samples: readonly Sample[]): Map<string, number> {
  const best = new Map<string, Map<string, number>>();
  for (const s of samples) {
    if (!s.ok || s.head === undefined) continue;
    const byProvider = best.get(s.chain) ?? new Map<string, number>();
    byProvider.set(s.provider, Math.max(byProvider.get(s.provider) ?? s.head, s.head));
    best.set(s.chain, byProvider);
  }
  const out = new Map<string, number>();
  for (const [chain, byProvider] of best) {
    const heads = [...byProvider.values()].sort((a, b) => b - a);
    out.set(chain, heads[Math.floor(heads.length / 2)] as number);
  }
  return out;
}

/**
 * Scores one round against each chain's {@link referenceHeads}. Failures score nothing. A head
 * above the reference counts as the reference (lag 0): a lead, true or claimed, earns nothing more.
 */
export function scoreRound(
  samples: readonly Sample[],
  maxLagOf: (chain: string) => number,
  config: ScoringConfig,
): ScoredSample[] {
  const reference = referenceHeads(samples);
  return samples.map((s) => {
    if (!s.ok || s.head === undefined) return { ...s, ok: false, latencyBps: 0, freshnessBps: 0 };
    const lag = Math.max(0, (reference.get(s.chain) ?? s.head) - s.head);
    return {
      ...s,
      lag,
      latencyBps: latencyBps(s.latencyMs ?? Number.POSITIVE_INFINITY, config),
      freshnessBps: freshnessBps(lag, maxLagOf(s.chain)),
    };
  });
}

/**
 * Whether a round measured anything: at least one probe, of any provider, answered. A round in
 * which none did says more about this member's own connection than about any provider, so it is
 * not recorded and penalises no one.
 */
export function roundCounts(samples: readonly ScoredSample[]): boolean {
  return samples.some((s) => s.ok);
}

/** A sample's points: 0 when failed, else `40,000 + 3 L + 3 F` (at most {@link FULL_POINTS}). */
export function samplePoints(s: ScoredSample): number {
  return s.ok ? 40_000 + 3 * s.latencyBps + 3 * s.freshnessBps : 0;
}

/**
 * One round's points per provider and chain: the mean, rounded down, of the points of the samples
 * of the chain's endpoints (one sample per distinct declared endpoint). Keyed `provider` then `chain`.
 */
export function chainRoundPoints(samples: readonly ScoredSample[]): Map<string, Map<string, number>> {
  const sums = new Map<string, Map<string, { points: number; count: number }>>();
  for (const s of samples) {
    const byChain = sums.get(s.provider) ?? new Map<string, { points: number; count: number }>();
    const sum = byChain.get(s.chain) ?? { points: 0, count: 0 };
    byChain.set(s.chain, { points: sum.points + samplePoints(s), count: sum.count + 1 });
    sums.set(s.provider, byChain);
  }
  const out = new Map<string, Map<string, number>>();
  for (const [provider, byChain] of sums) {
    const points = new Map<string, number>();
    for (const [chain, sum] of byChain) points.set(chain, Math.floor(sum.points / sum.count));
    out.set(provider, points);
  }
  return out;
}

/**
 * A chain's epoch score in bps: its points over every round the provider was scored in, a round
 * without a declared endpoint counting 0: `floor(points / (10 * rounds))`.
 */
export function chainScore(chain: ChainTally | undefined, rounds: number): number {
  if (rounds === 0 || chain === undefined) return 0;
  return Math.floor(chain.points / ((FULL_POINTS / BPS) * rounds));
}

/** The mean rounded down (0 for none). */
const meanDown = (values: readonly number[]) =>
  values.length === 0 ? 0 : Math.floor(values.reduce((a, b) => a + b, 0) / values.length);

/**
 * A provider's score: the mean, rounded down, of its chain scores, over every chain it declared in
 * any round of the epoch and every chain it declares now (one not measured yet scores 0). Dropping
 * a chain or renaming its endpoints therefore erases nothing. No chains: zero.
 */
export function providerScore(
  tally: ProviderTally,
  declaredNow: Iterable<string>,
): { score: number; chains: Record<string, number> } {
  const chains: Record<string, number> = {};
  for (const chain of [...new Set([...tally.chains.keys(), ...declaredNow])].sort()) {
    chains[chain] = chainScore(tally.chains.get(chain), tally.rounds);
  }
  return { score: meanDown(Object.values(chains)), chains };
}
