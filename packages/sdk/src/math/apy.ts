// Yield of a pool net of commission, from its settled epochs (ProvidersSettled events).

/** One settled epoch of a provider, as the ProvidersSettled event reports it. */
export type SettledEpoch = {
  reward: bigint;
  commission: bigint;
  /** The pool's stake integrated over the settlement window (stake x seconds). */
  stakeSeconds: bigint;
};

export type Yield = {
  /** Simple annual rate: the mean epoch rate x epochs per year (0.12 = 12%). */
  apr: number;
  /** With the rewards restaked every epoch. */
  apy: number;
  /** How many settled epochs it is based on. */
  epochs: number;
};

const YEAR = 365n * 24n * 3600n;
const SCALE = 10n ** 18n;

/**
 * APR and APY a delegator earned net of commission over `settlements`: each epoch's pool share
 * (reward - commission) over the pool's average stake in the window. The pool share streams over
 * the next epoch to whoever is staked then, so this is the yield of stake that stays put.
 *
 * @example
 * const { apy } = yieldFromSettlements(events.map((e) => e.args), 604_800n)
 */
export function yieldFromSettlements(settlements: readonly SettledEpoch[], epochLength: bigint): Yield {
  const rates = settlements
    .filter((s) => s.stakeSeconds > 0n)
    .map((s) => {
      // The pool share per unit of stake per second, scaled to one epoch length, as an 18-decimal
      // fixed-point number; a late (longer) window is weighed by its own length this way.
      const poolShare = s.reward - s.commission;
      return Number((poolShare * epochLength * SCALE) / s.stakeSeconds) / Number(SCALE);
    });
  if (rates.length === 0) return { apr: 0, apy: 0, epochs: 0 };
  const mean = rates.reduce((a, b) => a + b, 0) / rates.length;
  const perYear = Number(YEAR) / Number(epochLength);
  return { apr: mean * perYear, apy: (1 + mean) ** perYear - 1, epochs: rates.length };
}

const RATE_SCALE = 1_000_000_000;

/**
 * What `amount` earns in a year at the simple annual rate `apr` (a `Yield`'s apr), rounded down;
 * the rate is taken to nine decimals, so the projection never overstates.
 *
 * @example
 * projectYearlyRewardsDown(parseAmount("5,000"), 0.12) // 600 ANKR in wei
 */
export function projectYearlyRewardsDown(amount: bigint, apr: number): bigint {
  if (!(apr > 0) || amount <= 0n) return 0n;
  return (amount * BigInt(Math.floor(apr * RATE_SCALE))) / BigInt(RATE_SCALE);
}
