// The app's runtime configuration, fetched from /config.json: where the chain is, which deployment
// to use, and (later) where the indexer's API answers. One build serves any network.
import { type Deployment, parseDeployment } from "@ankr-staking/sdk";

export type RuntimeConfig = {
  rpcUrl: string;
  /** The indexer's API (issue 6); null until it is deployed beside the app. */
  apiUrl: string | null;
  deployment: Deployment;
};

export async function loadRuntimeConfig(url = "/config.json"): Promise<RuntimeConfig> {
  const response = await fetch(url, { cache: "no-store" });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  const raw = (await response.json()) as { rpcUrl?: unknown; apiUrl?: unknown; deployment?: unknown };
  if (typeof raw.rpcUrl !== "string") throw new Error(`${url} has no rpcUrl`);
  return {
    rpcUrl: raw.rpcUrl,
    apiUrl: typeof raw.apiUrl === "string" ? raw.apiUrl : null,
    deployment: parseDeployment(raw.deployment),
  };
}
