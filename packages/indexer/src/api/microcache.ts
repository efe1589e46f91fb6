// An in-process cache of GET responses, valid for as long as the indexed data is unchanged.
// Everything under /v1 except /health is a function of the indexed state (pending rewards and
// proposal states are read at the indexed block, not the wall clock) and of the providers'
// metadata documents (read in the background: src/metadata/resolver.ts), so an entry is kept until
// the checkpoint's version (src/api/indexed.ts) or the resolver's changes, and under load almost
// every request is answered without touching the database, which on PGlite shares the indexer's
// thread. The version is re-read at most every API_CACHE_CHECK_MS (250), which bounds how long a
// new block takes to show; /v1/health reads it directly, so once health reports a block, the cache
// knows it. One request per key rebuilds a stale entry; the requests that arrive meanwhile get the
// previous entry if it is younger than the advertised max-age (a browser could hold it that long
// anyway) or else wait for the rebuild, instead of all querying at once (the stampede was what set
// the p99 at 500 req/s). API_RESPONSE_CACHE=off turns it off.
//
// What a client cannot do to it:
// - flush it with junk query strings: the key is the path and only the query parameters the API
//   reads (first value of each, sorted), so `?x=<random>` is the same entry as without;
// - evict useful entries with one-off URLs (random cursors, chains...): a new entry is admitted
//   to a small probation segment and promoted to the main one only when asked for again, so URLs
//   used once can only push out each other (a segmented LRU);
// - fill it with errors: only 200 answers are kept;
// - grow it without bound: both segments are capped in bytes (API_CACHE_MAX_BYTES, 64 MiB).
// Every answer says `X-Cache: hit` or `miss`.
import type { Context, MiddlewareHandler } from "hono";
import { LRUCache } from "lru-cache";

import { indexedVersion } from "./indexed.ts";
import { metadataResolver } from "./metadata.ts";
import { maxAgeSeconds } from "./respond.ts";

type Entry = {
  version: string;
  at: number;
  status: number;
  body: ArrayBuffer;
  headers: [string, string][];
  etag?: string;
};

/** Every query parameter a /v1 route reads; the others cannot change an answer. */
const PARAMETERS = [
  "chain",
  "cursor",
  "epochs",
  "kind",
  "limit",
  "order",
  "proposer",
  "sort",
  "state",
  "status",
  "support",
] as const;

const enabled = process.env.API_RESPONSE_CACHE !== "off";
const checkMs = Number(process.env.API_CACHE_CHECK_MS ?? 250);
const maxBytes = Number(process.env.API_CACHE_MAX_BYTES ?? 64 * 1024 * 1024);

/**
 * What an entry holds in the heap, not only its payload: 100,000 small entries were measured at about
 * 950 bytes each (key and header strings, the tuples, the body's ArrayBuffer, the LRU's node), of
 * which the strings and body were under 300; the rest is this fixed overhead.
 */
const ENTRY_OVERHEAD_BYTES = 700;
const sizeOf = (key: string, entry: Entry) =>
  ENTRY_OVERHEAD_BYTES +
  key.length +
  entry.body.byteLength +
  entry.headers.reduce((n, [k, v]) => n + k.length + v.length, 0);
const segment = (bytes: number) =>
  new LRUCache<string, Entry>({
    maxSize: Math.max(1, Math.floor(bytes)),
    sizeCalculation: (e, k) => sizeOf(k, e),
  });
/** Entries asked for at least twice. */
const main = segment(maxBytes * 0.8);
/** Entries asked for once so far. */
const probation = segment(maxBytes * 0.2);
const rebuilding = new Map<string, Promise<void>>();

/** The cache key: the path and the parameters the API reads, in a fixed order. */
export function cacheKey(url: string): string {
  const { pathname, searchParams } = new URL(url);
  const kept = PARAMETERS.flatMap((name) => {
    const value = searchParams.get(name);
    return value === null ? [] : [`${name}=${encodeURIComponent(value)}`];
  });
  return kept.length ? `${pathname}?${kept.join("&")}` : pathname;
}

/** The entry under `key`, promoting a second request's entry out of probation. */
function lookup(key: string): Entry | undefined {
  const hit = main.get(key);
  if (hit) return hit;
  const tried = probation.get(key);
  if (tried) {
    probation.delete(key);
    main.set(key, tried);
  }
  return tried;
}

function store(key: string, entry: Entry): void {
  // Not a single oversize body in place of everything else.
  if (sizeOf(key, entry) > maxBytes * 0.2) return;
  if (main.has(key)) main.set(key, entry);
  else probation.set(key, entry);
}

function serve(c: Context, entry: Entry) {
  if (entry.etag && c.req.header("If-None-Match") === entry.etag)
    return c.body(null, 304, { ETag: entry.etag, "X-Cache": "hit" });
  return new Response(entry.body, { status: entry.status, headers: [...entry.headers, ["x-cache", "hit"]] });
}

export const microcache: MiddlewareHandler = async (c, next) => {
  if (!enabled || c.req.method !== "GET") return next();
  const indexed = await indexedVersion(checkMs);
  if (indexed === undefined) return next();
  const version = `${indexed}:${metadataResolver.version}`;
  const key = cacheKey(c.req.url);
  const hit = lookup(key);
  if (hit?.version === version) return serve(c, hit);
  const pending = rebuilding.get(key);
  if (pending) {
    if (hit && Date.now() - hit.at < maxAgeSeconds * 1000) return serve(c, hit);
    await pending;
    const fresh = lookup(key);
    if (fresh?.version === version) return serve(c, fresh);
    await next();
    c.header("X-Cache", "miss");
    return;
  }
  let done = () => {};
  rebuilding.set(
    key,
    new Promise<void>((resolve) => {
      done = resolve;
    }),
  );
  try {
    await next();
    c.header("X-Cache", "miss");
    if (c.res.status !== 200) return;
    const body = await c.res.clone().arrayBuffer();
    const headers = [...c.res.headers.entries()].filter(([name]) => name !== "x-cache");
    const etag = headers.find(([name]) => name === "etag")?.[1];
    // Keyed by the version read before the response was built: if a block landed meanwhile, the
    // entry is already stale and the next request rebuilds it.
    store(key, { version, at: Date.now(), status: c.res.status, body, headers, etag });
  } finally {
    rebuilding.delete(key);
    done();
  }
};
