// What the e2e suite and the web bench share: free loopback ports, the production build served by
// `vite preview` with a devnet's /config.json, and Debian's headless Chromium.
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { type Browser, chromium } from "playwright-core";

import { type Actor, address, type Devnet, keys } from "../../sdk/test/devnet.ts";

export const CHROMIUM = "/usr/bin/chromium";
export const webDir = fileURLToPath(new URL("..", import.meta.url));

/** The in-page wallets the app offers (served in /config.json, as the devnet serves its own). */
export const labels: Record<Actor, string> = {
  admin: "Deployer",
  providerA: "Provider A",
  providerB: "Provider B",
  alice: "Alice",
  bob: "Bob",
  carol: "Carol",
  settler: "Settler",
  guardian: "Guardian",
};

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const a = server.address();
      const port = typeof a === "object" && a ? a.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function vite(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(`${webDir}node_modules/.bin/vite`, args, {
    cwd: webDir,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

export async function waitForHttp(url: string, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer`);
}

/** `vite build` into dist/ (with its manifest). */
export async function buildApp(): Promise<void> {
  const build = vite(["build", "--logLevel", "warn"]);
  let output = "";
  build.stderr?.on("data", (d) => (output += d));
  const code = await new Promise((resolve) => build.on("close", resolve));
  if (code !== 0) throw new Error(`vite build failed:\n${output}`);
}

export type Preview = { base: string; process: ChildProcess; stop(): void };

/** The built app on a free loopback port, its /config.json pointing at the devnet (and the API). */
export async function startPreview(devnet: Devnet, env: Record<string, string> = {}): Promise<Preview> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = vite(["preview", "--port", String(port), "--strictPort"], {
    DEPLOYMENT_FILE: devnet.deploymentFile,
    WEB_RPC_URL: devnet.rpcUrl,
    WEB_DEVNET_ACCOUNTS: JSON.stringify(
      (Object.keys(labels) as Actor[]).map((actor) => ({
        label: labels[actor],
        address: address(actor),
        key: keys[actor],
      })),
    ),
    ...env,
  });
  const stop = () => {
    if (child.pid && child.exitCode === null) child.kill("SIGTERM");
  };
  try {
    await waitForHttp(`${base}/config.json`);
  } catch (error) {
    stop();
    throw error;
  }
  return { base, process: child, stop };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
