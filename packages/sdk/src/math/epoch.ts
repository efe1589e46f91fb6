// Epoch and unbonding times, mirroring contracts/src/libraries/EpochLib.sol and the unbonding queue.

/** The epoch containing `timestamp` (0 before genesis). */
export function epochAt(timestamp: bigint, genesis: bigint, epochLength: bigint): bigint {
  return timestamp < genesis ? 0n : (timestamp - genesis) / epochLength;
}

/** The first second after epoch `epoch`: when it can be settled. */
export function epochEnd(epoch: bigint, genesis: bigint, epochLength: bigint): bigint {
  return genesis + (epoch + 1n) * epochLength;
}

/**
 * When stake undelegated at `timestamp` is released (a provider's own stake: its own period), before
 * the queue's merging: see enqueueUnbonding for the time the entry actually releases.
 */
export function releaseTime(timestamp: bigint, unbondingPeriod: bigint): bigint {
  return timestamp + unbondingPeriod;
}

export type UnbondingEntry = { amount: bigint; releaseAt: bigint };

/** Most live entries an account's unbonding queue holds (StakingStorage.MAX_UNBONDING_ENTRIES). */
export const MAX_UNBONDING_ENTRIES = 16;

/** An account's live unbonding entries, oldest first, and the epoch of the newest one. */
export type UnbondingQueue = { entries: readonly UnbondingEntry[]; newestEpoch: bigint | undefined };

/**
 * The queue after a delegator undelegates `amount` at `timestamp` in `epoch`, as UnbondingLib.enqueue
 * does: undelegations in the same epoch as the newest entry (or any once the queue is full) join that
 * entry, which then releases at the later of the two times; otherwise a new entry is added. Returns
 * when the amount is actually released, which can be later than `releaseTime(timestamp, period)`.
 *
 * @example
 * const { queue: next, releaseAt } = enqueueUnbonding(queue, amount, now, epoch, unbondingPeriod)
 */
export function enqueueUnbonding(
  queue: UnbondingQueue,
  amount: bigint,
  timestamp: bigint,
  epoch: bigint,
  unbondingPeriod: bigint,
): { queue: UnbondingQueue; releaseAt: bigint } {
  const own = releaseTime(timestamp, unbondingPeriod);
  const newest = queue.entries.at(-1);
  if (newest && (queue.newestEpoch === epoch || queue.entries.length === MAX_UNBONDING_ENTRIES)) {
    // biome-ignore lint/complexity/useMathMinMax: bigints; Math.max takes numbers only.
    const releaseAt = own > newest.releaseAt ? own : newest.releaseAt;
    const entries = [...queue.entries.slice(0, -1), { amount: newest.amount + amount, releaseAt }];
    return { queue: { entries, newestEpoch: queue.newestEpoch }, releaseAt };
  }
  return {
    queue: { entries: [...queue.entries, { amount, releaseAt: own }], newestEpoch: epoch },
    releaseAt: own,
  };
}

/**
 * What `withdraw` pays at `now`: matured entries from the oldest, stopping at the first that is
 * not yet released (as the contract does), and when the rest is released.
 */
export function unbondingStatus(
  entries: readonly UnbondingEntry[],
  now: bigint,
): { withdrawable: bigint; pending: bigint; nextReleaseAt: bigint | undefined } {
  let withdrawable = 0n;
  let pending = 0n;
  let nextReleaseAt: bigint | undefined;
  let blocked = false;
  for (const entry of entries) {
    if (!blocked && entry.releaseAt <= now) {
      withdrawable += entry.amount;
      continue;
    }
    blocked = true;
    pending += entry.amount;
    if (nextReleaseAt === undefined || entry.releaseAt < nextReleaseAt) nextReleaseAt = entry.releaseAt;
  }
  return { withdrawable, pending, nextReleaseAt };
}
