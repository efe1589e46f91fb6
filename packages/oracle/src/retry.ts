// When to try a failed report submission again: exponential backoff, pure so the schedule is tested
// on its own. Every failure counts the same (an RPC error, a simulation that reverts, a transaction
// mined reverted): each is a reason to wait before spending another attempt.

/** Doublings before the delay stops growing: 2^5 = 32 times the base. */
export const MAX_BACKOFF_DOUBLINGS = 5;

/** The wait after `failures` consecutive failed submissions (none after 0): base doubling, capped. */
export function retryDelayMs(failures: number, baseMs: number): number {
  if (failures <= 0) return 0;
  return baseMs * 2 ** Math.min(failures - 1, MAX_BACKOFF_DOUBLINGS);
}
