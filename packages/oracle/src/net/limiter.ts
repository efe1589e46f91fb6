// At most N requests in flight per host, so one provider's many endpoints on one host, or a host
// that never answers, cannot take all of a round's sockets.

export class HostLimiter {
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();

  constructor(private readonly perHost: number) {}

  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    if ((this.active.get(host) ?? 0) >= this.perHost) {
      await new Promise<void>((resolve) => {
        const queue = this.waiting.get(host) ?? [];
        queue.push(resolve);
        this.waiting.set(host, queue);
      });
    }
    this.active.set(host, (this.active.get(host) ?? 0) + 1);
    try {
      return await task();
    } finally {
      this.release(host);
    }
  }

  private release(host: string): void {
    const count = (this.active.get(host) ?? 1) - 1;
    if (count === 0) this.active.delete(host);
    else this.active.set(host, count);
    const next = this.waiting.get(host)?.shift();
    if (this.waiting.get(host)?.length === 0) this.waiting.delete(host);
    // The waiter increments `active` itself when it resumes.
    next?.();
  }
}
