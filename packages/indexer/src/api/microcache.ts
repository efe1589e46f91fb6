// A short-lived in-process cache of GET responses (default 1 s, API_MICROCACHE_MS; 0 turns it off).
// Everything the API serves changes only with new blocks, so under load most requests are answered
// without touching the database; the staleness stays below the advertised Cache-Control max-age.
import type { MiddlewareHandler } from "hono";

type Entry = { at: number; status: number; body: ArrayBuffer; headers: [string, string][] };

const ttl = Number(process.env.API_MICROCACHE_MS ?? 1000);
const maxEntries = 10_000;
const entries = new Map<string, Entry>();

export const microcache: MiddlewareHandler = async (c, next) => {
  if (ttl <= 0 || c.req.method !== "GET") return next();
  const key = c.req.url;
  const hit = entries.get(key);
  if (hit && Date.now() - hit.at < ttl) {
    const etag = hit.headers.find(([name]) => name === "etag")?.[1];
    if (etag && c.req.header("If-None-Match") === etag) return c.body(null, 304, { ETag: etag });
    return new Response(hit.body, { status: hit.status, headers: hit.headers });
  }
  await next();
  if (c.res.status !== 200 && c.res.status !== 400 && c.res.status !== 404) return;
  const body = await c.res.clone().arrayBuffer();
  if (entries.size >= maxEntries) entries.clear();
  entries.set(key, { at: Date.now(), status: c.res.status, body, headers: [...c.res.headers.entries()] });
};
