// An in-process cache of GET responses, valid for as long as the indexed data is unchanged.
// Everything under /v1 except /health is a function of the indexed state (pending rewards and
// proposal states are read at the indexed block, not the wall clock), so an entry is kept until
// the checkpoint's version changes (src/api/indexed.ts) and under load almost every request is
// answered without touching the database, which on PGlite shares the indexer's thread.
// The version is re-read at most every API_CACHE_CHECK_MS (250), which bounds how long a new block
// takes to show; /v1/health reads it directly, so once health reports a block, the cache knows it.
// One request per URL rebuilds a stale entry; the requests that arrive meanwhile get the previous
// entry if it is younger than the advertised max-age (a browser could hold it that long anyway) or
// else wait for the rebuild, instead of all querying at once (the stampede was what set the p99 at
// 500 req/s). API_RESPONSE_CACHE=off turns it off.
import type { Context, MiddlewareHandler } from "hono";

import { indexedVersion } from "./indexed.ts";
import { maxAgeSeconds } from "./respond.ts";

type Entry = {
  version: string;
  at: number;
  status: number;
  body: ArrayBuffer;
  headers: [string, string][];
  etag?: string;
};

const enabled = process.env.API_RESPONSE_CACHE !== "off";
const checkMs = Number(process.env.API_CACHE_CHECK_MS ?? 250);
const maxEntries = 10_000;
const entries = new Map<string, Entry>();
const rebuilding = new Map<string, Promise<void>>();

function serve(c: Context, entry: Entry) {
  if (entry.etag && c.req.header("If-None-Match") === entry.etag)
    return c.body(null, 304, { ETag: entry.etag });
  return new Response(entry.body, { status: entry.status, headers: entry.headers });
}

export const microcache: MiddlewareHandler = async (c, next) => {
  if (!enabled || c.req.method !== "GET") return next();
  const version = await indexedVersion(checkMs);
  if (version === undefined) return next();
  const key = c.req.url;
  const hit = entries.get(key);
  if (hit?.version === version) return serve(c, hit);
  const pending = rebuilding.get(key);
  if (pending) {
    if (hit && Date.now() - hit.at < maxAgeSeconds * 1000) return serve(c, hit);
    await pending;
    const fresh = entries.get(key);
    if (fresh?.version === version) return serve(c, fresh);
    return next();
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
    if (c.res.status !== 200 && c.res.status !== 400 && c.res.status !== 404) return;
    const body = await c.res.clone().arrayBuffer();
    if (entries.size >= maxEntries) entries.clear();
    const headers = [...c.res.headers.entries()];
    const etag = headers.find(([name]) => name === "etag")?.[1];
    // Keyed by the version read before the response was built: if a block landed meanwhile, the
    // entry is already stale and the next request rebuilds it.
    entries.set(key, { version, at: Date.now(), status: c.res.status, body, headers, etag });
  } finally {
    rebuilding.delete(key);
    done();
  }
};
