// Vite for the web app. The SDK resolves from source (the monorepo's `source` export condition).
// `/config.json` (RPC URL, deployment, API URL, oracle members and, on a devnet, its test accounts) is served by
// the dev and preview servers from the environment, so the repository's deployments/<chainId>.json
// stays the one source of addresses and the devnet the one source of its accounts; a static
// deployment ships its own config.json next to index.html instead.
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defaultClientConditions, defineConfig, type Plugin } from "vite";

import { securityHeaders } from "./src/config/securityHeaders.ts";
import { isHttpUrl } from "./src/lib/url.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** WEB_ORACLE_URLS: the oracle members' HTTP APIs, comma-separated; refused at start when malformed. */
function oracleUrlsFromEnv(value: string | undefined): string[] {
  const urls = (value ?? "")
    .split(",")
    .map((u) => u.trim())
    .filter(Boolean);
  const bad = urls.find((url) => !isHttpUrl(url));
  if (bad !== undefined) throw new Error(`WEB_ORACLE_URLS: ${bad} is not an http(s) URL`);
  return urls;
}

function runtimeConfig(): Plugin {
  const oracleUrls = oracleUrlsFromEnv(process.env.WEB_ORACLE_URLS);
  const serve = (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    if (req.url?.split("?")[0] !== "/config.json") return next();
    const file = process.env.DEPLOYMENT_FILE ?? `${root}/deployments/31337.json`;
    const body = {
      rpcUrl: process.env.WEB_RPC_URL ?? "http://127.0.0.1:8545",
      apiUrl: process.env.WEB_API_URL ?? null,
      oracleUrls,
      deployment: JSON.parse(readFileSync(file, "utf8")),
      // [{ label, address, key }]: the devnet's public test keys, offered as in-page wallets.
      devnetAccounts: process.env.WEB_DEVNET_ACCOUNTS ? JSON.parse(process.env.WEB_DEVNET_ACCOUNTS) : [],
    };
    res.setHeader("content-type", "application/json");
    res.setHeader("cache-control", "no-store");
    res.end(JSON.stringify(body));
  };
  return {
    name: "ankr-runtime-config",
    configureServer: (server) => void server.middlewares.use(serve),
    configurePreviewServer: (server) => void server.middlewares.use(serve),
  };
}

/** Every response of the dev and preview servers (pages, assets, /config.json, 404s) carries them. */
function securityHeadersPlugin(): Plugin {
  const apply = (_req: IncomingMessage, res: ServerResponse, next: () => void) => {
    for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
    next();
  };
  return {
    name: "ankr-security-headers",
    configureServer: (server) => void server.middlewares.use(apply),
    configurePreviewServer: (server) => void server.middlewares.use(apply),
  };
}

export default defineConfig({
  // The headers first, so they are set before any other middleware answers.
  plugins: [securityHeadersPlugin(), react(), runtimeConfig()],
  // Vite's default conditions stay: without "browser", isows resolves to the `ws` package.
  resolve: { conditions: ["source", ...defaultClientConditions] },
  server: { host: "127.0.0.1" },
  preview: { host: "127.0.0.1" },
  build: { target: "es2022", manifest: true },
});
