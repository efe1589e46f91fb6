// Starts anvil (the platform binary, so its pid is anvil's own) on a free loopback port and stops it.
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";

import { foundryBin } from "./foundry.ts";
import { Rpc } from "./rpc.ts";

export interface AnvilOptions {
  chainId: number;
  /** Timestamp of the genesis block. */
  timestamp: number;
  /** Pinned so figures do not move when anvil's default ("latest") does. */
  hardfork: string;
  /** Record opcode steps for debug_traceTransaction (slower; only for `--breakdown`). */
  stepsTracing?: boolean;
}

export interface Anvil {
  url: string;
  port: number;
  pid: number;
  rpc: Rpc;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();

// Whatever ends this process, no anvil outlives it.
process.on("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    for (const child of running) child.kill("SIGKILL");
    process.exit(128 + (signal === "SIGINT" ? 2 : signal === "SIGTERM" ? 15 : 1));
  });
}

/** A port the OS just handed out on 127.0.0.1 (never 8545, which developers' own nodes use). */
async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.unref();
      server.on("error", reject);
      server.listen(0, "127.0.0.1", () => {
        const address = server.address();
        const p = typeof address === "object" && address ? address.port : 0;
        server.close(() => resolve(p));
      });
    });
    if (port !== 0 && port !== 8545) return port;
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    await exited(child);
    clearTimeout(timer);
  }
  running.delete(child);
}

async function tryStart(options: AnvilOptions): Promise<Anvil | undefined> {
  const port = await freePort();
  const args = [
    "--host",
    "127.0.0.1",
    "--port",
    String(port),
    "--chain-id",
    String(options.chainId),
    "--timestamp",
    String(options.timestamp),
    "--hardfork",
    options.hardfork,
    "--disable-block-gas-limit",
    "--order",
    "fifo",
    "--accounts",
    "1",
    "--silent",
    // Keep only a few recent states (debug_traceTransaction needs the parent's): with the full
    // history, the 10,000-delegator world takes ~5 GB of memory instead of ~0.5 GB.
    "--prune-history",
    "8",
    ...(options.stepsTracing ? ["--steps-tracing"] : []),
  ];
  const child = spawn(foundryBin("anvil"), args, { stdio: ["ignore", "ignore", "pipe"] });
  running.add(child);
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  const rpc = new Rpc(url);
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline && child.exitCode === null && child.signalCode === null) {
    const chainId = await rpc.call<string>("eth_chainId").catch(() => undefined);
    if (chainId !== undefined) {
      // Anything else answering on the port we were just given is not ours: try another port.
      if (Number(chainId) === options.chainId) {
        return { url, port, pid: child.pid ?? -1, rpc, stop: () => stopChild(child) };
      }
      break;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stopChild(child);
  process.stderr.write(`anvil on port ${port} did not start: ${stderr.trim()}\n`);
  return undefined;
}

/** Starts anvil, retrying on another port if the chosen one was taken meanwhile. */
export async function startAnvil(options: AnvilOptions): Promise<Anvil> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const anvil = await tryStart(options);
    if (anvil) return anvil;
  }
  throw new Error("anvil failed to start");
}
