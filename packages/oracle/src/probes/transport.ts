// The two ways probes talk to endpoints: JSON-RPC 2.0 over POST, and plain JSON GET/POST.
import { MalformedResponseError, type RequestLimits, requestJson } from "@ankr-staking/sdk/node";

import { WrongChainError } from "../errors.ts";

export interface Timed<T> {
  value: T;
  ms: number;
}

/** One JSON-RPC call; throws MalformedResponseError on an error reply or a missing result. */
export async function rpc(
  endpoint: string,
  method: string,
  params: unknown,
  limits: RequestLimits,
): Promise<Timed<unknown>> {
  const { body, ms } = await requestJson(
    { url: endpoint, method: "POST", body: { jsonrpc: "2.0", id: 1, method, params } },
    limits,
  );
  if (typeof body !== "object" || body === null || !("result" in body)) {
    throw new MalformedResponseError(`${method}: no result`);
  }
  return { value: (body as { result: unknown }).result, ms };
}

export async function rest(url: string, limits: RequestLimits, body?: unknown): Promise<Timed<unknown>> {
  const { body: value, ms } = await requestJson(
    body === undefined ? { url, method: "GET" } : { url, method: "POST", body },
    limits,
  );
  return { value, ms };
}

/** Reads `path` (dot-separated keys) from a JSON value, or throws MalformedResponseError. */
export function field(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split(".")) {
    if (typeof current !== "object" || current === null || !(key in current)) {
      throw new MalformedResponseError(`missing ${path}`);
    }
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** A head as a safe non-negative integer, from a number, a decimal string or a 0x-hex string. */
export function toHead(value: unknown): number {
  let n: number;
  if (typeof value === "number") n = value;
  else if (typeof value === "string" && /^0x[0-9a-fA-F]+$/.test(value)) n = Number.parseInt(value, 16);
  else if (typeof value === "string" && /^[0-9]+$/.test(value)) n = Number(value);
  else throw new MalformedResponseError(`not a height: ${JSON.stringify(value)?.slice(0, 80)}`);
  if (!Number.isSafeInteger(n) || n < 0) throw new MalformedResponseError(`not a height: ${String(value)}`);
  return n;
}

export function expectIdentity(expected: string, actual: unknown): void {
  const got =
    typeof actual === "string" || typeof actual === "number" ? String(actual) : JSON.stringify(actual);
  if (got.toLowerCase() !== expected.toLowerCase()) throw new WrongChainError(expected, got.slice(0, 100));
}
