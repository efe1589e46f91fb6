// Builds the contracts when needed and deploys them with the project's own deploy scripts (the ones
// used for real networks), which write <chainId>.json and <chainId>.oracle.json.
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Deployment, parseDeployment } from "@ankr-staking/sdk";
import { readDeploymentFile } from "@ankr-staking/sdk/node";
import type { Address } from "viem";

import { build, deploy, deployOracle } from "../../../contracts/bench/deploy.ts";
import { accounts } from "./accounts.ts";
import { CHAIN_ID, contractsDir, type DevnetConfig } from "./config.ts";

const artifact = (name: string) => join(contractsDir, "out", `${name}.sol`, `${name}.json`);

/** `forge build` (incremental: only what changed compiles), with a heartbeat while solc-js works. */
export async function buildContracts(log: (line: string) => void): Promise<void> {
  const fresh = !existsSync(artifact("AnkrStaking")) || !existsSync(artifact("OracleCommittee"));
  log(
    fresh
      ? "building contracts (first run: solc-js compiles ~150 files, 2-5 minutes)"
      : "checking the contracts build (forge build, incremental)",
  );
  const started = Date.now();
  const heartbeat = setInterval(
    () => log(`  still compiling... ${Math.round((Date.now() - started) / 1000)} s`),
    15_000,
  );
  try {
    await build(contractsDir);
  } finally {
    clearInterval(heartbeat);
  }
}

export interface Deployed {
  deployment: Deployment;
  deploymentFile: string;
  committee: Address;
}

export async function deployContracts(rpcUrl: string, config: DevnetConfig): Promise<Deployed> {
  mkdirSync(config.deploymentsDir, { recursive: true });
  const key = accounts.admin.privateKey;
  const options = { deploymentsDir: config.deploymentsDir };
  await deploy(contractsDir, rpcUrl, CHAIN_ID, key, { EPOCH_LENGTH: String(config.epochLength) }, options);
  const deploymentFile = join(config.deploymentsDir, `${CHAIN_ID}.json`);
  const deployment = readDeploymentFile(deploymentFile);
  const committee = await deployOracle(
    contractsDir,
    rpcUrl,
    CHAIN_ID,
    key,
    {
      STAKING: deployment.staking,
      MEMBERS: accounts.members.map((m) => m.address).join(","),
      QUORUM: String(Math.floor(accounts.members.length / 2) + 1),
    },
    options,
  );
  return {
    deployment: parseDeployment({ ...deployment, oracleCommittee: committee }),
    deploymentFile,
    committee,
  };
}
