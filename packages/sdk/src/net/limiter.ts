// At most N requests in flight per key (a host, scoped by the caller), so one provider's many
// endpoints on one host, or a host that never answers, cannot take all of the caller's sockets.
// Waiting counts against the caller's deadline: a request that gets no slot in time fails.
import { RequestFailedError } from "../errors/net.js";

export class HostLimiter {
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();

  constructor(private readonly perHost: number) {}

  /** Runs `task` once `key` has a free slot; rejects with a timeout if none frees in `waitMs`. */
  async run<T>(key: string, task: () => Promise<T>, waitMs = Number.POSITIVE_INFINITY): Promise<T> {
    if ((this.active.get(key) ?? 0) >= this.perHost) await this.wait(key, waitMs);
    else this.active.set(key, (this.active.get(key) ?? 0) + 1);
    try {
      return await task();
    } finally {
      this.release(key);
    }
  }

  /** Resolves holding a slot: `release` hands its slot straight to the first waiter. */
  private wait(key: string, waitMs: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const queue = this.waiting.get(key) ?? [];
      const waiter = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = Number.isFinite(waitMs)
        ? setTimeout(() => {
            this.dequeue(key, waiter);
            reject(new RequestFailedError("timeout", `no free slot for ${key} in ${Math.round(waitMs)} ms`));
          }, waitMs)
        : undefined;
      queue.push(waiter);
      this.waiting.set(key, queue);
    });
  }

  private dequeue(key: string, waiter: () => void): void {
    const queue = this.waiting.get(key);
    const index = queue?.indexOf(waiter) ?? -1;
    if (index >= 0) queue?.splice(index, 1);
    if (queue?.length === 0) this.waiting.delete(key);
  }

  private release(key: string): void {
    const next = this.waiting.get(key)?.shift();
    if (this.waiting.get(key)?.length === 0) this.waiting.delete(key);
    // A handed-over slot stays counted, so no newcomer can slip in before the waiter resumes.
    if (next) {
      next();
      return;
    }
    const count = (this.active.get(key) ?? 1) - 1;
    if (count === 0) this.active.delete(key);
    else this.active.set(key, count);
  }
}
