// Minimal JSON-RPC client with batching, for the bulk setup where viem's per-call overhead adds up.

type Call = readonly [method: string, params: readonly unknown[]];

export interface Response {
  id: number;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

export class Rpc {
  private nextId = 1;

  constructor(readonly url: string) {}

  async call<T>(method: string, params: readonly unknown[] = []): Promise<T> {
    const [result] = await this.batch<T>([[method, params]]);
    return result as T;
  }

  /** One JSON-RPC batch; the replies (errors included) in request order. */
  async raw(calls: readonly Call[]): Promise<(Response | undefined)[]> {
    const body = calls.map(([method, params]) => ({ jsonrpc: "2.0", id: this.nextId++, method, params }));
    const res = await fetch(this.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`RPC HTTP ${res.status}: ${await res.text()}`);
    const replies = (await res.json()) as Response[];
    const byId = new Map(replies.map((r) => [r.id, r]));
    return body.map((request) => byId.get(request.id));
  }

  /** Sends `calls` in batches of `chunk` and returns the results in order; throws on any error. */
  async batch<T>(calls: readonly Call[], chunk = 2000): Promise<T[]> {
    const results: T[] = [];
    for (let start = 0; start < calls.length; start += chunk) {
      const slice = calls.slice(start, start + chunk);
      const replies = await this.raw(slice);
      for (const [i, reply] of replies.entries()) {
        const [method, params] = slice[i] as Call;
        if (!reply) throw new Error(`RPC ${method}: no reply`);
        if (reply.error)
          throw new Error(`RPC ${method} failed: ${JSON.stringify({ params, error: reply.error })}`);
        results.push(reply.result as T);
      }
    }
    return results;
  }
}
