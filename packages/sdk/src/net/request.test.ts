// The bounded request layer against hostile endpoints: SSRF spellings of this machine, redirects,
// unbounded, compressed and dripped bodies. Loopback only; names resolve through /etc/hosts.
import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { gzipSync } from "node:zlib";

import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { AddressRefusedError, MalformedResponseError, RequestFailedError } from "../errors/net.js";
import { PUBLIC_ONLY, parseAllowList } from "./address.js";
import { HostLimiter } from "./limiter.js";
import { type RequestLimits, requestJson } from "./request.js";

// One loopback server whose paths play hostile endpoints; every connection it accepts is counted,
// so a refusal can be shown to have happened before any socket opened.
let server: Server;
let port: number;
let connections = 0;
const sockets = new Set<Socket>();

beforeAll(async () => {
  server = createServer((req, res) => {
    switch (req.url) {
      case "/ok":
        return res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
      case "/redirect":
        return res.writeHead(302, { location: `http://127.0.0.1:${port}/ok` }).end();
      case "/chunked": {
        // No content-length: a chunked body that never says how long it is.
        res.writeHead(200, { "content-type": "application/json" });
        const chunk = Buffer.alloc(4096, 0x20);
        let sent = 0;
        const push = () => {
          while (sent < 64 && res.write(chunk)) sent++;
          if (sent < 64) res.once("drain", push);
          else res.end();
        };
        return push();
      }
      case "/gzip": {
        // 10 MB of JSON whitespace in about 10 kB: a reader that inflated it would go past the cap.
        const bomb = gzipSync(
          Buffer.concat([Buffer.from("["), Buffer.alloc(10_000_000, 0x20), Buffer.from("]")]),
        );
        return res
          .writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" })
          .end(bomb);
      }
      case "/drip": {
        // A byte every 50 ms, forever: each read is quick, the whole answer never comes.
        res.writeHead(200, { "content-type": "application/json" });
        const timer = setInterval(() => res.write(" "), 50);
        res.on("close", () => clearInterval(timer));
        return;
      }
      case "/silent":
        return; // never answers
      default:
        return res.writeHead(404).end();
    }
  });
  server.on("connection", (socket) => {
    connections++;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const limits = (over: Partial<RequestLimits> = {}): RequestLimits => ({
  timeoutMs: 1000,
  maxBytes: 16 * 1024,
  policy: parseAllowList("127.0.0.0/8"),
  limiter: new HostLimiter(2),
  ...over,
});

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe("requestJson against a hostile endpoint", () => {
  test("every spelling of this machine is refused before a connection, names resolved included", async () => {
    const before = connections;
    for (const host of [
      "localhost",
      "127.0.0.1",
      "127.1",
      "2130706433",
      "0x7f000001",
      "0177.0.0.1",
      "0.0.0.0",
      "[::1]",
      "[::ffff:127.0.0.1]",
      "[::]",
    ]) {
      const error = await failure(
        requestJson({ url: `http://${host}:${port}/ok`, method: "GET" }, limits({ policy: PUBLIC_ONLY })),
      );
      expect(error, host).toBeInstanceOf(AddressRefusedError);
    }
    expect(connections).toBe(before);
  });

  test("a redirect is not followed, even to an allowed address", async () => {
    const error = await failure(
      requestJson({ url: `http://127.0.0.1:${port}/redirect`, method: "GET" }, limits()),
    );
    expect(error).toBeInstanceOf(RequestFailedError);
    expect((error as RequestFailedError).reason).toBe("redirect");
  });

  test("a chunked body over the cap is cut off at the cap", async () => {
    const error = await failure(
      requestJson({ url: `http://127.0.0.1:${port}/chunked`, method: "GET" }, limits()),
    );
    expect((error as RequestFailedError).reason).toBe("too-large");
  });

  test("a compressed body is read as sent, never inflated", async () => {
    const error = await failure(
      requestJson({ url: `http://127.0.0.1:${port}/gzip`, method: "GET" }, limits({ maxBytes: 1 << 20 })),
    );
    expect(error).toBeInstanceOf(MalformedResponseError);
  });

  test("a body dripped a byte at a time, and a server that never answers, end at the deadline", async () => {
    for (const path of ["/drip", "/silent"]) {
      const started = performance.now();
      const error = await failure(
        requestJson({ url: `http://127.0.0.1:${port}${path}`, method: "GET" }, limits({ timeoutMs: 400 })),
      );
      expect((error as RequestFailedError).reason, path).toBe("timeout");
      expect(performance.now() - started, path).toBeLessThan(2000);
    }
  });
});
