// Provider metadata is read off the indexing path, through the SDK's bounded request layer: a
// loopback URI is refused by default (no connection made); 50 metadata updates pointing at a server
// that never answers do not slow the backfill (nothing is fetched before it is done); once ready,
// the API shows a served document's name, website and chains, and says why the silent one failed.
// Loopback metadata servers need the operator's opt-in (METADATA_ALLOW), as the oracle's probes do.
import { createServer as createHttpServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createServer, type Socket, type Server as TcpServer } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { type Actor, address, clientFor, type Devnet, startDevnet } from "../../sdk/test/devnet.ts";
import { MetadataResolver, resolverOptions } from "../src/metadata/resolver.ts";
import { type Indexer, startIndexer } from "./ponder.ts";

type Provider = {
  address: string;
  name: string | null;
  website: string | null;
  chains: string[];
  metadataURI: string;
  metadata: { status: string; error: string | null; checkedAt: { unix: number } | null };
};

/** Long enough that fetching inside the handlers (as they once did) would show plainly. */
const TIMEOUT_MS = 4000;
const UPDATES = 50;
const DOC = {
  name: "Beta Nodes (served)",
  website: "https://beta.example",
  chains: [{ id: "polygon", endpoints: ["https://polygon.beta.example"] }],
};

/** Accepts connections and never answers, counting them. */
function silentServer(): Promise<{
  server: TcpServer;
  port: number;
  connections: () => number;
  close: () => Promise<void>;
}> {
  let connections = 0;
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    connections++;
    sockets.add(socket);
    // Read and drop what arrives, so a client's hang-up is seen and the socket closes.
    socket.resume();
    socket.on("close", () => sockets.delete(socket));
  });
  const close = () => {
    for (const s of sockets) s.destroy();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        server,
        port: (server.address() as AddressInfo).port,
        connections: () => connections,
        close,
      }),
    ),
  );
}

let silent: Awaited<ReturnType<typeof silentServer>>;
let served: Server;
let servedUrl: string;
let requestsServed = 0;

beforeAll(async () => {
  silent = await silentServer();
  served = createHttpServer((req, res) => {
    requestsServed++;
    if (req.url === "/beta.json")
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(DOC));
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => served.listen(0, "127.0.0.1", resolve));
  servedUrl = `http://127.0.0.1:${(served.address() as AddressInfo).port}/beta.json`;
});

afterAll(async () => {
  await silent.close();
  served.closeAllConnections();
  await new Promise<void>((resolve) => served.close(() => resolve()));
});

describe("address policy", () => {
  test("a metadata URI on 127.0.0.1 is refused by default, before any connection", async () => {
    const before = silent.connections();
    const resolver = new MetadataResolver(resolverOptions({}), async () => true);
    const uri = `https://127.0.0.1:${silent.port}/meta.json`;
    expect((await resolver.lookup([uri])).get(uri)).toEqual({ status: "pending" });
    const settled = async () => {
      for (let i = 0; i < 100; i++) {
        const state = (await resolver.lookup([uri])).get(uri);
        if (state?.status !== "pending") return state;
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const state = await settled();
    expect(state?.status).toBe("failed");
    expect(state?.status === "failed" && state.error).toMatch(
      /Refused 127\.0\.0\.1: 127\.0\.0\.1 is loopback/,
    );
    expect(silent.connections()).toBe(before);
    // Plain http is refused too without an allow-list (no loopback server reached either).
    const plain = (await new MetadataResolver(resolverOptions({}), async () => true).lookup([servedUrl])).get(
      servedUrl,
    );
    expect(plain?.status).toBe("pending");
    await new Promise((r) => setTimeout(r, 200));
    expect(requestsServed).toBe(0);
  });

  test("an allow-list entry that is not a CIDR range is a clear error", () => {
    expect(() => resolverOptions({ METADATA_ALLOW: "localhost" })).toThrow(
      /METADATA_ALLOW: "localhost" is not a CIDR range/,
    );
    expect(() => resolverOptions({ METADATA_TIMEOUT_MS: "soon" })).toThrow(/METADATA_TIMEOUT_MS/);
  });
});

describe("metadata off the indexing path", () => {
  let devnet: Devnet;
  let indexer: (Indexer & { pgliteDir: string }) | undefined;
  const A = address("providerA");
  const B = address("providerB");
  const client = (actor: Actor) => clientFor(devnet.rpcUrl, devnet.deployment, actor);

  beforeAll(async () => {
    devnet = await startDevnet(31_351);
    for (let i = 0; i < UPDATES; i++)
      await client("providerA").setMetadataURI({
        metadataURI: `https://127.0.0.1:${silent.port}/a/${i}.json`,
      });
    await client("providerB").setMetadataURI({ metadataURI: servedUrl });
    // Ponder takes anvil's last 30 blocks as unfinalised and indexes them after /ready: bury the
    // metadata logs, so all of them are in the backfill.
    await client("providerA").publicClient.request({ method: "anvil_mine", params: ["0x28"] } as never);
  });

  afterAll(async () => {
    await indexer?.stop();
    await devnet?.stop();
  });

  test(`${UPDATES} metadata events pointing at a silent server do not slow the backfill`, async () => {
    const started = Date.now();
    indexer = await startIndexer({
      rpcUrl: devnet.rpcUrl,
      deploymentFile: devnet.deploymentFile,
      // The explicit opt-in: loopback metadata servers allowed, so a fetch would really wait.
      env: { METADATA_FETCH: "true", METADATA_ALLOW: "127.0.0.0/8", METADATA_TIMEOUT_MS: String(TIMEOUT_MS) },
      timeoutMs: UPDATES * TIMEOUT_MS * 2,
    });
    const backfillMs = Date.now() - started;
    // Nothing was fetched while indexing: the silent server saw no connection before /ready.
    expect(silent.connections()).toBe(0);
    // One fetch at a time in the handlers would have taken 50 x 4 s; the whole start is below half.
    expect(backfillMs).toBeLessThan((UPDATES * TIMEOUT_MS) / 2);
  });

  test("once ready, the API shows the resolved document, and why the silent one failed", async () => {
    if (!indexer) throw new Error("the backfill test starts the indexer");
    const b = await indexer.until<Provider>(`/v1/providers/${B}`, (p) => p.metadata.status === "resolved");
    expect([b.name, b.website, b.chains]).toEqual([DOC.name, DOC.website, ["polygon"]]);
    expect(b.metadata.error).toBeNull();
    expect(b.metadata.checkedAt?.unix).toBeGreaterThan(0);
    const { body: byChain } = await indexer.get<{ items: Provider[] }>("/v1/providers?chain=polygon");
    expect(byChain.items.map((p) => p.address)).toEqual([B]);

    const pending = (await indexer.get<Provider>(`/v1/providers/${A}`)).body;
    expect(pending.metadataURI).toBe(`https://127.0.0.1:${silent.port}/a/${UPDATES - 1}.json`);
    expect(["pending", "failed"]).toContain(pending.metadata.status);
    expect(pending.name).toBeNull();
    const a = await indexer.until<Provider>(`/v1/providers/${A}`, (p) => p.metadata.status === "failed");
    expect(a.metadata.error).toMatch(/no complete answer in 4000 ms/);
    expect([a.name, a.website, a.chains]).toEqual([null, null, []]);
    // Only the current URI was ever tried, and only after the backfill.
    expect(silent.connections()).toBe(1);
  });
});
