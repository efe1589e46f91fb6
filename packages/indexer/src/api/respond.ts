// Validated, cacheable JSON responses: the body is parsed with its schema, given a weak ETag from
// its content and a short Cache-Control (it changes only with new blocks); a matching
// If-None-Match gets 304.
import { createHash } from "node:crypto";
import type { Context } from "hono";
import type { z } from "zod";

import { ApiError, InvalidParameterError } from "./errors.ts";

export const maxAgeSeconds = Number(process.env.API_CACHE_SECONDS ?? 2);

export function cached(c: Context, body: string, contentType: string, status: 200 | 503 = 200) {
  const etag = `W/"${createHash("sha1").update(body).digest("base64url")}"`;
  c.header("ETag", etag);
  c.header("Cache-Control", status === 200 ? `public, max-age=${maxAgeSeconds}` : "no-store");
  if (status === 200 && c.req.header("If-None-Match") === etag) return c.body(null, 304);
  c.header("Content-Type", contentType);
  return c.body(body, status);
}

export function respond<S extends z.ZodType>(
  c: Context,
  schema: S,
  data: z.input<S>,
  status: 200 | 503 = 200,
) {
  const body = JSON.stringify(schema.parse(data));
  return cached(c, body, "application/json; charset=utf-8", status);
}

export function errorResponse(c: Context, error: unknown) {
  if (error instanceof ApiError) {
    c.header("Cache-Control", "no-store");
    return c.json({ error: { code: error.code, message: error.message } }, error.status);
  }
  console.error(error);
  return c.json({ error: { code: "internal", message: "internal error" } }, 500);
}

/** `limit` query: 1..max, default `fallback`; anything else is a 400. */
export function parseLimit(value: string | undefined, fallback = 50, max = 100): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new InvalidParameterError("limit", "must be a positive integer");
  const limit = Number(value);
  if (limit < 1 || limit > max) throw new InvalidParameterError("limit", `must be between 1 and ${max}`);
  return limit;
}

/** Opaque cursors: base64url JSON of the key the next page starts after. */
export const encodeCursor = (key: readonly (string | number)[]) =>
  Buffer.from(JSON.stringify(key)).toString("base64url");

export function decodeCursor(value: string | undefined, arity: number): (string | number)[] | undefined {
  if (value === undefined) return undefined;
  try {
    const key = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as unknown;
    if (
      Array.isArray(key) &&
      key.length === arity &&
      key.every((k) => typeof k === "string" || typeof k === "number")
    )
      return key;
  } catch {}
  throw new InvalidParameterError("cursor", "not a cursor this endpoint issued");
}
