// The app's runtime configuration, fetched from /config.json: where the chain is, which deployment
// to use, where the indexer's API and the oracle members answer and, on a devnet, its test accounts. One build serves any
// network.
import { type Deployment, parseDeployment } from "@ankr-staking/sdk";
import { type Address, type Hex, isAddress, isHex } from "viem";

import { isHttpUrl } from "../lib/url.ts";

/** A devnet test account the app offers as an in-page wallet (public keys, local chains only). */
export type DevnetAccount = { label: string; address: Address; key: Hex };

export type RuntimeConfig = {
  rpcUrl: string;
  /** The indexer's API root (its REST under /v1); null when none is deployed beside the app. */
  apiUrl: string | null;
  /** The oracle committee members' HTTP APIs (their GET /scores), empty when none is named. */
  oracleUrls: string[];
  deployment: Deployment;
  devnetAccounts: DevnetAccount[];
};

function devnetAccountsFrom(raw: unknown, url: string): DevnetAccount[] {
  if (raw === undefined) return [];
  const valid =
    Array.isArray(raw) &&
    raw.every(
      (a: Partial<DevnetAccount>) =>
        typeof a?.label === "string" &&
        typeof a.address === "string" &&
        isAddress(a.address) &&
        isHex(a.key) &&
        a.key.length === 66,
    );
  if (!valid) throw new Error(`${url}: devnetAccounts must be a list of { label, address, key }`);
  return raw as DevnetAccount[];
}

function oracleUrlsFrom(raw: unknown, url: string): string[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw) || !raw.every(isHttpUrl))
    throw new Error(`${url}: oracleUrls must be a list of http(s) URLs`);
  return raw;
}

export async function loadRuntimeConfig(url = "/config.json"): Promise<RuntimeConfig> {
  const response = await fetch(url, { cache: "no-store" });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  const raw = (await response.json()) as {
    rpcUrl?: unknown;
    apiUrl?: unknown;
    oracleUrls?: unknown;
    deployment?: unknown;
    devnetAccounts?: unknown;
  };
  if (typeof raw.rpcUrl !== "string") throw new Error(`${url} has no rpcUrl`);
  return {
    rpcUrl: raw.rpcUrl,
    apiUrl: typeof raw.apiUrl === "string" ? raw.apiUrl : null,
    oracleUrls: oracleUrlsFrom(raw.oracleUrls, url),
    deployment: parseDeployment(raw.deployment),
    devnetAccounts: devnetAccountsFrom(raw.devnetAccounts, url),
  };
}
