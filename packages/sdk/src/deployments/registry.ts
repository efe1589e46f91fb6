// The typed registry of deployments per chain id, read from a deployments directory
// (deployments/<chainId>.json: the devnet's written by the deploy script, a real network's
// committed from its config). Node only: browsers import the JSON and call parseDeployment.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";

import {
  type Deployment,
  InvalidDeploymentError,
  parseDeployment,
  UnknownDeploymentError,
} from "./deployment.js";

/** Every deployment in `dir`, keyed by chain id. */
export function readDeployments(dir: string): Map<number, Deployment> {
  const registry = new Map<number, Deployment>();
  for (const file of readdirSync(dir)) {
    if (!/^\d+\.json$/.test(file)) continue;
    const deployment = readDeploymentFile(join(dir, file));
    registry.set(deployment.chainId, deployment);
  }
  return registry;
}

/** One deployment file. */
export function readDeploymentFile(path: string): Deployment {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new InvalidDeploymentError(path, (error as Error).message);
  }
  return parseDeployment(json, path);
}

/**
 * A deployment by chain id from `dir`, or from a file path: what `--deployment` accepts.
 *
 * @example
 * const deployment = loadDeployment("31337", { dir: "deployments" })
 */
export function loadDeployment(
  idOrPath: string | number,
  { dir = "deployments" }: { dir?: string } = {},
): Deployment {
  const text = String(idOrPath);
  if (/^\d+$/.test(text)) {
    const path = resolve(dir, `${text}.json`);
    if (!existsSync(path)) throw new UnknownDeploymentError(Number(text), path);
    return readDeploymentFile(path);
  }
  return readDeploymentFile(isAbsolute(text) ? text : resolve(text));
}
