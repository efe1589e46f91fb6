// Builds the contracts when needed and deploys them with the project's own deploy script, the one
// used for real networks: script/Deploy.s.sol with a devnet config file (docs/governance.md) naming
// the genesis providers (with their anvil keys, allowed on chain 31337 only) and the oracle
// committee's members. The script renounces every role of the deployer; governance is the timelock.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Deployment, encodeMetadataURI, parseAmount } from "@ankr-staking/sdk";
import { readDeploymentFile } from "@ankr-staking/sdk/node";
import type { Address } from "viem";

import { foundryBin } from "../../../contracts/bench/foundry.ts";
import { accounts, type DevAccount, ORACLE_QUORUM } from "./accounts.ts";
import { CHAIN_ID, contractsDir, type DevnetConfig, GOVERNANCE } from "./config.ts";
import type { Endpoints } from "./endpoints.ts";
import { ServiceStartError } from "./errors.ts";
import type { Processes } from "./processes.ts";
import { PROVIDERS, providerMetadata } from "./seed.ts";

const artifact = (name: string) => join(contractsDir, "out", `${name}.sol`, `${name}.json`);

/**
 * `forge build` (incremental: only what changed compiles), with a heartbeat while solc-js works. It
 * runs as one of the devnet's children, in its own process group, so Ctrl-C or SIGTERM during the
 * first build stops forge and the solc-js processes it started; its output goes to the log file and,
 * line by line, to `log`. As `npm run build` does, a failure in the tests' compilation falls back
 * to building without them (the devnet needs only src/ and script/).
 */
export async function buildContracts(
  processes: Processes,
  logFile: string,
  log: (line: string) => void,
): Promise<void> {
  const fresh = !existsSync(artifact("AnkrStaking")) || !existsSync(artifact("AnkrGovernor"));
  log(
    fresh
      ? "building contracts (first run: solc-js compiles ~180 files, 2-7 minutes)"
      : "checking the contracts build (forge build, incremental)",
  );
  const started = Date.now();
  const heartbeat = setInterval(
    () => log(`  still compiling... ${Math.round((Date.now() - started) / 1000)} s`),
    15_000,
  );
  const forge = (args: string[]) =>
    processes.run("contracts build", foundryBin("forge"), args, {
      cwd: contractsDir,
      logFile,
      echo: (line) => log(`  forge: ${line}`),
    });
  try {
    await forge(["build"]).catch(async (error: Error) => {
      if (processes.stopping) throw error;
      log(`  ${error.message}; retrying without the test files (forge build --skip test)`);
      await forge(["build", "--skip", "test"]);
    });
  } catch (error) {
    throw new ServiceStartError("contracts build", (error as Error).message, logFile);
  } finally {
    clearInterval(heartbeat);
  }
}

export interface Deployed {
  deployment: Deployment;
  deploymentFile: string;
  committee: Address;
}

/**
 * The deploy config (format: docs/governance.md, "Deploy script and its config file"). Amounts are
 * decimal strings: forge's JSON reader takes them, and JavaScript numbers cannot hold 18 decimals.
 */
export function devnetDeployConfig(config: DevnetConfig, endpoints: Endpoints): Record<string, unknown> {
  return {
    token: "0x0000000000000000000000000000000000000000",
    genesisTime: 0,
    epochLength: config.epochLength,
    oracleMembers: accounts.members.map((m) => m.address),
    oracleQuorum: ORACLE_QUORUM,
    guardian: accounts.guardian.address,
    timelockDelay: GOVERNANCE.timelockDelay,
    votingDelay: GOVERNANCE.votingDelay,
    votingPeriod: GOVERNANCE.votingPeriod,
    genesisProviders: PROVIDERS.map((seed, i) => {
      const who = accounts.providers[i] as DevAccount;
      return {
        account: who.address,
        privateKey: who.privateKey,
        selfStake: parseAmount(seed.selfStake).toString(),
        commissionBps: seed.commissionBps,
        metadataURI: encodeMetadataURI(providerMetadata(seed, endpoints)),
      };
    }),
  };
}

export async function deployContracts(
  processes: Processes,
  rpcUrl: string,
  config: DevnetConfig,
  endpoints: Endpoints,
  logDir: string,
): Promise<Deployed> {
  mkdirSync(config.deploymentsDir, { recursive: true });
  // forge may read only inside contracts/ (fs_permissions): the config goes to its cache/.
  const cacheDir = join(contractsDir, "cache");
  mkdirSync(cacheDir, { recursive: true });
  const scratch = mkdtempSync(join(cacheDir, "devnet-deploy-"));
  const broadcastDir = mkdtempSync(join(tmpdir(), "devnet-broadcast-"));
  const configFile = join(scratch, "devnet.json");
  writeFileSync(configFile, `${JSON.stringify(devnetDeployConfig(config, endpoints), null, 2)}\n`);
  const logFile = join(logDir, "deploy.log");
  try {
    await forgeScript(
      processes,
      [
        ["script", "script/Deploy.s.sol", "--rpc-url", rpcUrl, "--broadcast"],
        // Several broadcasters (the deployer and each genesis provider): one transaction at a time.
        ["--slow", "--private-key", accounts.admin.privateKey],
      ].flat(),
      { DEPLOY_CONFIG: configFile, DEPLOYMENTS_DIR: config.deploymentsDir, FOUNDRY_BROADCAST: broadcastDir },
      logFile,
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    rmSync(broadcastDir, { recursive: true, force: true });
    // forge keeps the script's "sensitive values" per chain id under cache/ (the provider keys).
    rmSync(join(cacheDir, "Deploy.s.sol", String(CHAIN_ID)), { recursive: true, force: true });
  }
  const deploymentFile = join(config.deploymentsDir, `${CHAIN_ID}.json`);
  const deployment = readDeploymentFile(deploymentFile);
  if (!deployment.oracleCommittee || !deployment.governor || !deployment.timelock)
    throw new ServiceStartError("deploy", `${deploymentFile} lacks the governor or the committee`, logFile);
  return { deployment, deploymentFile, committee: deployment.oracleCommittee };
}

/** The script's inputs come from `env` only, never from the shell (a stray EPOCH_LENGTH, say). */
const SCRIPT_INPUTS = ["DEPLOY_CONFIG", "GENESIS_TIME", "EPOCH_LENGTH", "SETTLER", "GUARDIAN", "TEST_TOKEN"];

async function forgeScript(
  processes: Processes,
  args: string[],
  env: Record<string, string>,
  logFile: string,
): Promise<void> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const name of SCRIPT_INPUTS) delete childEnv[name];
  try {
    await processes.run("deploy", foundryBin("forge"), args, {
      cwd: contractsDir,
      env: { ...childEnv, ...env },
      logFile,
    });
  } catch (error) {
    throw new ServiceStartError("deploy", `forge script failed: ${(error as Error).message}`, logFile);
  }
}
