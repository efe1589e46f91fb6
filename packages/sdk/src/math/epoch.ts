// Epoch and unbonding times, mirroring contracts/src/libraries/EpochLib.sol and the unbonding queue.

/** The epoch containing `timestamp` (0 before genesis). */
export function epochAt(timestamp: bigint, genesis: bigint, epochLength: bigint): bigint {
  return timestamp < genesis ? 0n : (timestamp - genesis) / epochLength;
}

/** The first second after epoch `epoch`: when it can be settled. */
export function epochEnd(epoch: bigint, genesis: bigint, epochLength: bigint): bigint {
  return genesis + (epoch + 1n) * epochLength;
}

/** When stake undelegated at `timestamp` is released (a provider's own stake: its own period). */
export function releaseTime(timestamp: bigint, unbondingPeriod: bigint): bigint {
  return timestamp + unbondingPeriod;
}

export type UnbondingEntry = { amount: bigint; releaseAt: bigint };

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
