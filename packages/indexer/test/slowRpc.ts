// A JSON-RPC proxy on a free loopback port that answers every request `delayMs` late, so a backfill
// that would finish in under a second takes long enough to be interrupted in the middle. It delays
// and never holds: a request parked indefinitely would fill the indexer's queued transport before
// its HTTP server is up, which stalls the start-up instead of the backfill.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

export type SlowRpc = { url: string; close: () => Promise<void> };

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      data += chunk;
    });
    req.on("end", () => resolve(data));
    req.on("error", reject);
  });
}

export async function startSlowRpc(target: string, delayMs: number): Promise<SlowRpc> {
  const server = createServer(async (req, res) => {
    try {
      const payload = await body(req);
      await sleep(delayMs);
      const answer = await fetch(target, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: payload,
      });
      res.writeHead(answer.status, { "content-type": "application/json" });
      res.end(await answer.text());
    } catch (error) {
      res.writeHead(502, { "content-type": "application/json" });
      res.end(JSON.stringify({ jsonrpc: "2.0", id: null, error: { code: -32603, message: String(error) } }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
