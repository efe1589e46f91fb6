// The indexer's JSON-RPC transport. Ponder keeps up to 25 requests in flight with a 10 s timeout and
// answers a timeout by deactivating the node and backing off. During a backfill most of those
// requests are full blocks (every transaction included), and a node on the same machine, anvil
// above all, answers 25 of them at once slower than one by one: requests pass the timeout, get
// retried, and the back-off leaves the fetch idle. Queuing them here keeps the node at
// `concurrency` requests, each within a timeout that counts from when it is sent.
import pLimit from "p-limit";
import { custom, http, type Transport } from "viem";

export type QueuedHttpOptions = {
  /** Requests in flight at once; the rest wait in order. */
  concurrency: number;
  /** Milliseconds one request may take once sent. */
  timeoutMs: number;
};

export function queuedHttp(url: string, { concurrency, timeoutMs }: QueuedHttpOptions): Transport {
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new Error(`RPC concurrency must be a positive integer, got ${concurrency}`);
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0)
    throw new Error(`RPC timeout must be a positive number of milliseconds, got ${timeoutMs}`);
  const limit = pLimit(concurrency);
  return (params) => {
    // viem's default 10 MiB response cap is below what a busy chain answers (the benchmark's answers,
    // over blocks of 1,000 transactions, reach 14 MB); the indexer trusts its own node, so the cap
    // is only a guard.
    const node = http(url, { timeout: timeoutMs, maxResponseBodySize: 512 * 1024 * 1024 })({
      ...params,
      retryCount: 0,
      timeout: timeoutMs,
    });
    return custom(
      { request: (args) => limit(() => node.request(args)) },
      { key: "queuedHttp", name: "Queued HTTP" },
    )(params);
  };
}
