// A bounded JSON request: deadline, body size cap, no redirects, and the address policy enforced on
// the address actually connected to (a custom DNS lookup), so a hostile endpoint can only fail.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";

import { MalformedResponseError, RequestFailedError } from "../errors/net.js";
import { type AddressPolicy, checkAddress } from "./address.js";
import type { HostLimiter } from "./limiter.js";

export interface RequestLimits {
  /** Deadline of one request, from the call (waiting for a per-host slot included). */
  timeoutMs: number;
  maxBytes: number;
  policy: AddressPolicy;
  limiter: HostLimiter;
  /**
   * Requests share per-host slots only within one scope. The oracle scopes probes by provider, so
   * a provider's endpoints queue behind its own only, even on a host a rival also uses.
   */
  scope?: string | undefined;
}

export interface JsonRequest {
  url: string;
  method: "GET" | "POST";
  body?: unknown;
}

export interface JsonResponse {
  body: unknown;
  /** Time to the last byte. */
  ms: number;
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

function guardedLookup(policy: AddressPolicy) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback): void => {
    dnsLookup(hostname, { all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      try {
        for (const a of addresses) checkAddress(hostname, a.address, policy);
      } catch (refused) {
        return callback(refused as NodeJS.ErrnoException, []);
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(new Error(`${hostname}: no address`), []);
      callback(null, first.address, first.family);
    });
  };
}

/** Sends one JSON request within `limits`; throws a {@link RequestFailedError} or policy error. */
export async function requestJson(request: JsonRequest, limits: RequestLimits): Promise<JsonResponse> {
  const url = new URL(request.url);
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new RequestFailedError("protocol", `unsupported protocol ${url.protocol}`);
  }
  const host = url.hostname.replace(/^\[|\]$/g, "");
  // Literal addresses never reach the lookup: check them here, before any socket opens.
  if (isIP(host)) checkAddress(host, host, limits.policy);
  // Keyed by host name, not host:port: many ports of one machine are still one host.
  const deadline = performance.now() + limits.timeoutMs;
  return limits.limiter.run(
    `${limits.scope ?? ""}@${host}`,
    () => send(url, request, limits, deadline),
    limits.timeoutMs,
  );
}

function send(
  url: URL,
  request: JsonRequest,
  limits: RequestLimits,
  deadline: number,
): Promise<JsonResponse> {
  const payload = request.body === undefined ? undefined : JSON.stringify(request.body);
  const started = performance.now();
  return new Promise<JsonResponse>((resolve, reject) => {
    const client = url.protocol === "https:" ? https : http;
    const req = client.request(
      url,
      {
        method: request.method,
        headers: {
          accept: "application/json",
          ...(payload
            ? { "content-type": "application/json", "content-length": Buffer.byteLength(payload) }
            : {}),
        },
        lookup: guardedLookup(limits.policy) as unknown as typeof dnsLookup,
        agent: false,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400) {
          res.destroy();
          return fail(new RequestFailedError("redirect", `redirect ${status} not followed`));
        }
        if (status < 200 || status >= 300) {
          res.destroy();
          return fail(new RequestFailedError("status", `HTTP ${status}`));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > limits.maxBytes) {
            res.destroy();
            fail(new RequestFailedError("too-large", `response over ${limits.maxBytes} bytes`));
          } else chunks.push(chunk);
        });
        res.on("error", (error) => fail(new RequestFailedError("network", error.message)));
        res.on("end", () => {
          if (done) return;
          done = true;
          clearTimeout(timer);
          try {
            resolve({
              body: JSON.parse(Buffer.concat(chunks).toString("utf8")),
              ms: performance.now() - started,
            });
          } catch {
            reject(new MalformedResponseError("response is not JSON"));
          }
        });
      },
    );
    const timer = setTimeout(
      () => fail(new RequestFailedError("timeout", `no complete answer in ${limits.timeoutMs} ms`)),
      Math.max(0, deadline - performance.now()),
    );
    let done = false;
    function fail(error: Error): void {
      if (done) return;
      done = true;
      clearTimeout(timer);
      req.destroy();
      reject(error);
    }
    req.on("error", (error) => fail(error instanceof RequestFailedError ? error : wrapNetwork(error)));
    if (payload) req.write(payload);
    req.end();
  });
}

function wrapNetwork(error: Error): Error {
  // Policy refusals come back through the lookup callback: keep their class.
  if (error.name === "AddressRefusedError") return error;
  return new RequestFailedError("network", error.message);
}
