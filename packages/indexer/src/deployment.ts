// Which deployment the indexer follows: deployments/<chainId>.json (the deploy script's output, read
// through the SDK's registry). The oracle committee is the one the file names (the deploy script
// deploys it when its config lists members) or else, beside it, <chainId>.oracle.json (a committee
// deployed apart, script/DeployOracle.s.sol).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Deployment } from "@ankr-staking/sdk";
import { loadDeployment } from "@ankr-staking/sdk/node";
import { type Address, getAddress, zeroAddress } from "viem";

export type IndexedDeployment = Deployment & {
  /** The committee's address, or the zero address (matching no log) when none is deployed. */
  oracleCommittee: Address;
  oracleStartBlock: number;
};

/**
 * `INDEXER_DEPLOYMENT` is a chain id (read from `INDEXER_DEPLOYMENTS_DIR`, default the repository's
 * deployments/) or a path to a deployment file.
 */
export function indexedDeployment(env: NodeJS.ProcessEnv = process.env): IndexedDeployment {
  const dir = resolve(
    env.INDEXER_DEPLOYMENTS_DIR ?? join(import.meta.dirname ?? ".", "../../../deployments"),
  );
  const idOrPath = env.INDEXER_DEPLOYMENT ?? "31337";
  const deployment = loadDeployment(idOrPath, { dir });
  if (deployment.oracleCommittee)
    return {
      ...deployment,
      oracleCommittee: deployment.oracleCommittee,
      oracleStartBlock: Number(deployment.startBlock),
    };
  const file = /^\d+$/.test(idOrPath) ? join(dir, `${idOrPath}.json`) : resolve(idOrPath);
  const oracleFile = join(dirname(file), `${deployment.chainId}.oracle.json`);
  if (!existsSync(oracleFile)) {
    return { ...deployment, oracleCommittee: zeroAddress, oracleStartBlock: Number(deployment.startBlock) };
  }
  const oracle = JSON.parse(readFileSync(oracleFile, "utf8")) as {
    oracleCommittee: string;
    startBlock?: number;
  };
  return {
    ...deployment,
    oracleCommittee: getAddress(oracle.oracleCommittee),
    oracleStartBlock: Number(oracle.startBlock ?? deployment.startBlock),
  };
}
