// Fake endpoints for every protocol family: real HTTP servers on loopback (free ports), answering
// like the family's nodes do, or misbehaving on purpose. Shared by the oracle's tests and the devnet.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import type { ProtocolFamily } from "@ankr-staking/sdk";

export type Mode =
  | "healthy"
  | "slow"
  | "lagging"
  | "wrong-chain"
  | "erroring"
  | "malformed"
  | "huge"
  | "hanging"
  | "redirect";

export interface FakeOptions {
  family: ProtocolFamily;
  identity: string;
  head: number | (() => number);
  mode?: Mode;
  /** Slow mode: the delay before each answer (default 1.5 s). */
  delayMs?: number;
  /** Lagging mode: how far behind `head` the answers are (default 1000). */
  lagBy?: number;
  /** Loopback address to listen on (default 127.0.0.1; any of 127.0.0.0/8 on Linux). */
  host?: string;
  /** Called as each request arrives, before it is answered. */
  onRequest?: () => void;
}

export interface FakeEndpoint {
  url: string;
  /** Requests received so far. */
  requests: number;
  mode: Mode;
  close(): Promise<void>;
}

const hex = (n: number) => `0x${n.toString(16)}`;

function rpcResult(family: ProtocolFamily, method: string, identity: string, head: number): unknown {
  switch (`${family}:${method}`) {
    case "evm:eth_chainId":
    case "starknet:starknet_chainId":
      return identity;
    case "evm:eth_blockNumber":
      return hex(head);
    case "starknet:starknet_blockNumber":
    case "solana:getSlot":
    case "bitcoin:getblockcount":
      return head;
    case "solana:getGenesisHash":
    case "substrate:chain_getBlockHash":
    case "bitcoin:getblockhash":
    case "sui:sui_getChainIdentifier":
      return identity;
    case "substrate:chain_getHeader":
      return { number: hex(head), parentHash: "0x00" };
    case "sui:sui_getLatestCheckpointSequenceNumber":
      return String(head);
    case "near:status":
      return { chain_id: identity, sync_info: { latest_block_height: head } };
    case "cosmos:status":
      return { node_info: { network: identity }, sync_info: { latest_block_height: String(head) } };
    default:
      return undefined;
  }
}

function restResult(family: ProtocolFamily, path: string, identity: string, head: number): unknown {
  if (family === "tron" && path === "/wallet/getblockbynum") return { blockID: identity };
  if (family === "tron" && path === "/wallet/getnowblock")
    return { block_header: { raw_data: { number: head } } };
  if (family === "aptos" && path === "/v1") return { chain_id: Number(identity), block_height: String(head) };
  return undefined;
}

export async function startFake(options: FakeOptions): Promise<FakeEndpoint> {
  const fake = { requests: 0, mode: options.mode ?? "healthy" } as FakeEndpoint;
  const wrongIdentity = (id: string) => (/^\d+$/.test(id) ? String(Number(id) + 1) : `${id.slice(0, -1)}0`);
  const handle = async (req: IncomingMessage, res: ServerResponse, body: string) => {
    fake.requests += 1;
    options.onRequest?.();
    const mode = fake.mode;
    if (mode === "hanging") {
      res.writeHead(200, { "content-type": "application/json" });
      res.write("{");
      return; // never ends
    }
    if (mode === "slow") await new Promise((r) => setTimeout(r, options.delayMs ?? 1500));
    if (mode === "erroring") return void res.writeHead(500).end("internal error");
    if (mode === "redirect") return void res.writeHead(302, { location: "http://127.0.0.1:1/" }).end();
    if (mode === "malformed")
      return void res.writeHead(200, { "content-type": "application/json" }).end("<html>");
    if (mode === "huge") {
      res.writeHead(200, { "content-type": "application/json" });
      const chunk = `"${"x".repeat(64 * 1024)}",`;
      res.write("[");
      for (let i = 0; i < 64 && !res.destroyed; i++) res.write(chunk);
      return void res.end('""]');
    }
    const identity = mode === "wrong-chain" ? wrongIdentity(options.identity) : options.identity;
    const current = typeof options.head === "function" ? options.head() : options.head;
    const head = mode === "lagging" ? Math.max(0, current - (options.lagBy ?? 1000)) : current;
    const path = new URL(req.url ?? "/", "http://x").pathname;
    let reply: unknown;
    if (options.family === "tron" || options.family === "aptos") {
      reply = restResult(options.family, path, identity, head);
    } else {
      const call = JSON.parse(body || "{}") as { id?: number; method?: string };
      const result = rpcResult(options.family, call.method ?? "", identity, head);
      reply =
        result === undefined
          ? { jsonrpc: "2.0", id: call.id ?? 1, error: { code: -32601, message: "method not found" } }
          : { jsonrpc: "2.0", id: call.id ?? 1, result };
    }
    if (reply === undefined) return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(reply));
  };
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => {
      body += c.toString("utf8");
    });
    req.on("end", () => void handle(req, res, body));
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  fake.url = `http://${host}:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}
