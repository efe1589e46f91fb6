// Reward arithmetic, mirroring contracts/src/libraries/RewardMath.sol and the settlement split in
// contracts/src/logic/SettlementLogic.sol to the wei. Every function rounds as the contract does
// and says so in its name: what is paid out is rounded down.

/** Fixed-point scale of the reward-per-token accumulator. */
export const WAD = 10n ** 18n;
/** 100% in basis points. */
export const BPS = 10_000n;

/** A provider's settlement weight: stake-seconds times score. */
export function weight(stakeSeconds: bigint, scoreBps: bigint): bigint {
  return stakeSeconds * scoreBps;
}

/** The part of `budget` owed to a provider of weight `providerWeight`, rounded down. */
export function shareDown(budget: bigint, providerWeight: bigint, totalWeight: bigint): bigint {
  return totalWeight === 0n ? 0n : (budget * providerWeight) / totalWeight;
}

/** Splits a provider's reward into its commission (rounded down) and the pool's share. */
export function splitCommissionDown(
  reward: bigint,
  commissionBps: bigint,
): { commission: bigint; poolShare: bigint } {
  const commission = (reward * commissionBps) / BPS;
  return { commission, poolShare: reward - commission };
}

/** The highest stream rate the contract stores (80 bits); anything above returns to the reserve. */
export const MAX_STREAM_RATE = 2n ** 80n - 1n;

/** Per-second rate streaming `amount` over `duration`, rounded down and capped at `maxRate`, and the remainder. */
export function streamRateDown(
  amount: bigint,
  duration: bigint,
  maxRate: bigint = MAX_STREAM_RATE,
): { rate: bigint; remainder: bigint } {
  const computed = amount / duration;
  const rate = computed > maxRate ? maxRate : computed;
  return { rate, remainder: amount - rate * duration };
}

/** Accumulator increase when `amount` is spread over `totalStake`, rounded down. */
export function perTokenDown(amount: bigint, totalStake: bigint): bigint {
  return (amount * WAD) / totalStake;
}

/** Reward earned by `stake` while the accumulator grew by `perTokenDelta`, rounded down. */
export function earnedDown(stake: bigint, perTokenDelta: bigint): bigint {
  return (stake * perTokenDelta) / WAD;
}

/** The budget a settlement draws: `rewardPerEpoch` per epoch length elapsed since the last one. */
export function settlementBudgetDown(
  rewardPerEpoch: bigint,
  elapsedSeconds: bigint,
  epochLength: bigint,
): bigint {
  return (rewardPerEpoch * elapsedSeconds) / epochLength;
}

export type SettlementInput = {
  /** Whether the provider is Active (Jailed providers are scored but earn nothing). */
  active: boolean;
  /** The pool's stake-seconds over the settlement window. */
  stakeSeconds: bigint;
  scoreBps: bigint;
  commissionBps: bigint;
};

export type SettlementShare = { reward: bigint; commission: bigint; poolShare: bigint };

/**
 * Splits an epoch's budget among providers as `settleEpoch` does: by stake-seconds x score, then
 * commission and pool share. The contract never stores a commission above `maxCommissionBps` (a
 * lowered maximum lowers the commissions above it), so the cap applied here only guards the input.
 *
 * @example
 * const [a, b] = splitSettlement(13_000n * WAD, 3000n, [providerA, providerB])
 */
export function splitSettlement(
  budget: bigint,
  maxCommissionBps: bigint,
  providers: readonly SettlementInput[],
): { totalWeight: bigint; distributed: bigint; shares: SettlementShare[] } {
  const totalWeight = providers.reduce(
    (sum, p) => (p.active ? sum + weight(p.stakeSeconds, p.scoreBps) : sum),
    0n,
  );
  let distributed = 0n;
  const shares = providers.map((p) => {
    if (!p.active || totalWeight === 0n) return { reward: 0n, commission: 0n, poolShare: 0n };
    const reward = shareDown(budget, weight(p.stakeSeconds, p.scoreBps), totalWeight);
    const commissionBps = p.commissionBps < maxCommissionBps ? p.commissionBps : maxCommissionBps;
    distributed += reward;
    return { reward, ...splitCommissionDown(reward, commissionBps) };
  });
  return { totalWeight, distributed, shares };
}

export type StreamState = {
  /** The pool's reward stream, per second (ProviderView.rewardRate). */
  rewardRate: bigint;
  /** When the stream ends (ProviderView.rewardFinish), unix seconds. */
  rewardFinish: bigint;
  /** All stake in the pool (ProviderView.totalStake). */
  poolStake: bigint;
};

/**
 * Rewards a delegation of `stake` earns from the pool's stream between `from` and `to` if nobody
 * moves meanwhile: one accumulator step, exactly as the contract computes it.
 */
export function projectRewardsDown(pool: StreamState, stake: bigint, from: bigint, to: bigint): bigint {
  const end = to < pool.rewardFinish ? to : pool.rewardFinish;
  if (end <= from || pool.poolStake === 0n) return 0n;
  return earnedDown(stake, perTokenDown(pool.rewardRate * (end - from), pool.poolStake));
}
