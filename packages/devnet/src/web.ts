// The web app (packages/web) as a newcomer should meet it: the production build, served by
// `vite preview` with the devnet's /config.json (RPC URL, deployment, API URL, oracle members). The build is redone
// only when a source file is newer than it; contributors who want hot reload run the dev server
// themselves (docs/devnet.md).
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

import type { DevAccount } from "./accounts.ts";
import { root } from "./config.ts";
import { ServiceStartError } from "./errors.ts";
import type { Processes } from "./processes.ts";

const webDir = join(root, "packages", "web");
const viteBin = join(webDir, "node_modules", ".bin", "vite");
const builtMarker = join(webDir, "dist", "index.html");

/** Newest modification time under `path` (files only), 0 when absent. */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

/** Whether dist/ is older than anything it is built from (the app, the SDK it bundles, the config). */
export function webBuildStale(): boolean {
  if (!existsSync(builtMarker)) return true;
  const sources = [
    join(webDir, "src"),
    join(webDir, "index.html"),
    join(webDir, "vite.config.ts"),
    join(webDir, "package.json"),
    join(root, "packages", "sdk", "src"),
  ];
  return Math.max(...sources.map(newest)) > statSync(builtMarker).mtimeMs;
}

export function buildWeb(processes: Processes, logFile: string): Promise<void> {
  return processes.run("web build", viteBin, ["build", "--logLevel", "warn"], { cwd: webDir, logFile });
}

export interface WebOptions {
  port: number;
  rpcUrl: string;
  apiUrl: string;
  /** The oracle members' HTTP APIs: the provider console shows their scores per chain. */
  oracleUrls: readonly string[];
  deploymentFile: string;
  logDir: string;
  /** Offered by the app as in-page wallets (public devnet keys). */
  accounts: readonly DevAccount[];
}

export interface WebService {
  url: string;
  pid: number;
  logFile: string;
  exited: () => boolean;
}

export function startWeb(processes: Processes, options: WebOptions): WebService {
  const logFile = join(options.logDir, "web.log");
  const child = processes.spawn(
    "web",
    viteBin,
    ["preview", "--port", String(options.port), "--strictPort", "--host", "127.0.0.1"],
    {
      cwd: webDir,
      logFile,
      env: {
        ...process.env,
        DEPLOYMENT_FILE: options.deploymentFile,
        WEB_RPC_URL: options.rpcUrl,
        WEB_API_URL: options.apiUrl,
        WEB_ORACLE_URLS: options.oracleUrls.join(","),
        WEB_DEVNET_ACCOUNTS: JSON.stringify(
          options.accounts.map((a) => ({ label: a.label, address: a.address, key: a.privateKey })),
        ),
      },
    },
  );
  return {
    url: `http://127.0.0.1:${options.port}`,
    pid: child.pid,
    logFile,
    exited: () => child.process.exitCode !== null || child.process.signalCode !== null,
  };
}

/** Resolves once the page and its /config.json both answer 200. */
export async function waitWebHealthy(web: WebService, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (web.exited()) throw new ServiceStartError("web", "exited", web.logFile);
    try {
      const [page, config] = await Promise.all([fetch(web.url), fetch(`${web.url}/config.json`)]);
      if (page.status === 200 && config.status === 200) return;
      last = `/ ${page.status}, /config.json ${config.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new ServiceStartError("web", last, web.logFile);
}
