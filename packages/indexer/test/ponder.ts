// Starts the real indexer (`ponder start`) on a free loopback port against a deployment file, with
// PGlite in a temp dir (or DATABASE_URL), and stops it: by signal to its own process group only.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const packageDir = fileURLToPath(new URL("..", import.meta.url));
const ponderBin = fileURLToPath(
  new URL("../../../node_modules/ponder/dist/esm/bin/ponder.js", import.meta.url),
);

export type Indexer = {
  url: string;
  pid: number;
  output: () => string;
  get<T = unknown>(path: string, init?: RequestInit): Promise<{ status: number; body: T; headers: Headers }>;
  /** Polls `path` until `check` accepts the body (the indexer trails the chain by a poll or two). */
  until<T = unknown>(path: string, check: (body: T) => boolean, timeoutMs?: number): Promise<T>;
  stop(signal?: NodeJS.Signals): Promise<void>;
};

export type IndexerOptions = {
  rpcUrl: string;
  deploymentFile: string;
  /** PostgreSQL instead of PGlite. */
  databaseUrl?: string;
  /** Reuse a PGlite directory (a restart); a fresh temp dir otherwise. */
  pgliteDir?: string;
  schema?: string;
  command?: "start" | "serve";
  env?: Record<string, string>;
  /** Return as soon as the output matches, instead of waiting for /ready. */
  waitFor?: RegExp;
  /** How long to wait for /ready (or `waitFor`). */
  timeoutMs?: number;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

export async function startIndexer(options: IndexerOptions): Promise<Indexer & { pgliteDir: string }> {
  const port = await freePort();
  const ownDir = options.pgliteDir === undefined && !options.databaseUrl;
  const pgliteDir = options.pgliteDir ?? mkdtempSync(join(tmpdir(), "indexer-pglite-"));
  const schema = options.schema ?? `test_${process.pid}_${port}`;
  const child = spawn(
    process.execPath,
    [
      ponderBin,
      options.command ?? "start",
      "--schema",
      schema,
      "-p",
      String(port),
      "-H",
      "127.0.0.1",
      "--log-format",
      "json",
    ],
    {
      cwd: packageDir,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        PONDER_TELEMETRY_DISABLED: "true",
        PONDER_RPC_URL: options.rpcUrl,
        PONDER_POLLING_INTERVAL: "200",
        INDEXER_DEPLOYMENT: options.deploymentFile,
        PONDER_PGLITE_DIR: pgliteDir,
        METADATA_FETCH: "false",
        ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : { DATABASE_URL: "" }),
        ...options.env,
      },
    },
  );
  let output = "";
  child.stdout?.on("data", (c: Buffer) => {
    output += c.toString();
  });
  child.stderr?.on("data", (c: Buffer) => {
    output += c.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  const kill = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {}
  };
  process.once("exit", () => kill("SIGKILL"));
  const get = async <T>(path: string, init?: RequestInit) => {
    const response = await fetch(`${url}${path}`, init);
    const text = await response.text();
    let body: unknown = text;
    if (response.headers.get("content-type")?.includes("json")) body = JSON.parse(text);
    return { status: response.status, body: body as T, headers: response.headers };
  };
  const timeoutMs = options.timeoutMs ?? 120_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`ponder exited (${child.exitCode}):\n${output.slice(-4000)}`);
    if (options.waitFor?.test(output)) break;
    const ok = await fetch(`${url}/ready`)
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ok) break;
    if (Date.now() > deadline) {
      kill("SIGKILL");
      throw new Error(`ponder not ready after ${timeoutMs / 1000} s:\n${output.slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, options.waitFor ? 20 : 250));
  }
  return {
    url,
    pid: child.pid ?? -1,
    pgliteDir,
    output: () => output,
    get,
    async until<T>(path: string, check: (body: T) => boolean, timeoutMs = 30_000) {
      const end = Date.now() + timeoutMs;
      let last: unknown;
      for (;;) {
        const { status, body } = await get<T>(path).catch(() => ({ status: 0, body: undefined as T }));
        last = body;
        if (status === 200 && check(body)) return body;
        if (Date.now() > end)
          throw new Error(`timed out waiting on ${path}; last: ${JSON.stringify(last).slice(0, 2000)}`);
        await new Promise((r) => setTimeout(r, 250));
      }
    },
    async stop(signal: NodeJS.Signals = "SIGTERM") {
      kill(signal);
      const timer = setTimeout(() => kill("SIGKILL"), 10_000);
      await exited(child);
      clearTimeout(timer);
      if (ownDir && signal !== "SIGKILL") rmSync(pgliteDir, { recursive: true, force: true });
    },
  };
}
