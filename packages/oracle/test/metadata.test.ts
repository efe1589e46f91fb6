import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { HostLimiter, MetadataError } from "@ankr-staking/sdk/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchMetadata, type MetadataOptions } from "../src/metadata/fetch.ts";

const DOC = {
  name: "Node Pro",
  website: "https://nodepro.example",
  chains: [{ id: "ethereum", endpoints: ["https://rpc.nodepro.example/eth"] }],
};

let server: Server;
let base: string;
const options = (allowHttp: boolean, gateway = "https://ipfs.io/ipfs/"): MetadataOptions => ({
  ipfsGateway: gateway,
  allowHttp,
  limits: {
    timeoutMs: 1000,
    maxBytes: 16 * 1024,
    policy: { allow: ["127.0.0.0/8"] },
    limiter: new HostLimiter(2),
  },
});

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/ipfs/bafyvalid" || req.url === "/meta.json") {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(DOC));
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const dataUri = (doc: unknown) => `data:application/json,${encodeURIComponent(JSON.stringify(doc))}`;

describe("provider metadata", () => {
  it("reads a percent-encoded data: URI", async () => {
    expect(await fetchMetadata(dataUri(DOC), options(false))).toEqual(DOC);
  });

  it("reads a base64 data: URI", async () => {
    const uri = `data:application/json;base64,${Buffer.from(JSON.stringify(DOC)).toString("base64")}`;
    expect((await fetchMetadata(uri, options(false))).name).toBe("Node Pro");
  });

  it("reads ipfs:// through the configured gateway", async () => {
    expect((await fetchMetadata("ipfs://bafyvalid", options(true, `${base}/ipfs/`))).chains).toHaveLength(1);
  });

  it("reads http(s) when allowed", async () => {
    expect((await fetchMetadata(`${base}/meta.json`, options(true))).website).toBe(DOC.website);
    await expect(fetchMetadata(`${base}/meta.json`, options(false))).rejects.toThrow(
      /unsupported URI scheme/,
    );
  });

  it("reports why a document is invalid", async () => {
    const cases: [unknown, RegExp][] = [
      [{ ...DOC, name: "" }, /name/],
      [{ ...DOC, website: "http://insecure.example" }, /website/],
      [{ ...DOC, chains: [] }, /chains/],
      [{ ...DOC, chains: [{ id: "ethereum", endpoints: ["ftp://x"] }] }, /endpoints/],
      [{ ...DOC, chains: [DOC.chains[0], DOC.chains[0]] }, /listed twice/],
    ];
    for (const [doc, reason] of cases) {
      const error = await fetchMetadata(dataUri(doc), options(false)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MetadataError);
      expect((error as MetadataError).message).toMatch(reason);
    }
  });

  it("rejects non-JSON, missing documents and unknown schemes", async () => {
    await expect(fetchMetadata("data:application/json,{oops", options(false))).rejects.toThrow(/not JSON/);
    await expect(fetchMetadata(`${base}/missing`, options(true))).rejects.toThrow(/cannot fetch/);
    await expect(fetchMetadata("ar://something", options(false))).rejects.toBeInstanceOf(MetadataError);
  });
});
