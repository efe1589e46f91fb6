// Builds with forge, deploys with the project's own Deploy script, and reads ABIs from out/.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Abi, type Address, getAddress } from "viem";

import { runFoundry } from "./foundry.ts";

export interface Deployment {
  token: Address;
  rewardVault: Address;
  staking: Address;
  stakingImplementation: Address;
  governor: Address;
  timelock: Address;
  upgradeTimelock: Address;
}

/**
 * `forge build` as everyone runs it: artifacts land in the normal out/. The benchmark needs only
 * src/ and script/, so a failure in the tests' compilation falls back to building without them.
 */
export async function build(contractsDir: string): Promise<void> {
  try {
    await runFoundry("forge", ["build"], { cwd: contractsDir });
  } catch (error) {
    process.stderr.write(
      `forge build failed (${error instanceof Error ? error.message : String(error)}); ` +
        "retrying without test files (*.t.sol), which the benchmark does not use\n",
    );
    await runFoundry("forge", ["build", "--skip", "test"], { cwd: contractsDir });
  }
}

/** The ABI of `name` from out/<name>.sol/<name>.json. */
export function loadAbi(contractsDir: string, name: string): Abi {
  const path = join(contractsDir, "out", `${name}.sol`, `${name}.json`);
  return (JSON.parse(readFileSync(path, "utf8")) as { abi: Abi }).abi;
}

/**
 * Runs a deploy script against `rpcUrl` and returns the JSON file it wrote, `<chainId><suffix>`. The
 * file goes to a scratch directory under cache/ (the script may only write inside the project) and
 * the broadcast log to the OS temp dir, so neither deployments/ nor broadcast/ changes; both are
 * removed afterwards. With `keep.deploymentsDir` (the devnet's), the file is written there and kept.
 */
async function runDeployScript(
  contractsDir: string,
  script: string,
  suffix: string,
  rpcUrl: string,
  chainId: number,
  privateKey: string,
  env: Record<string, string>,
  inputs: readonly string[],
  keep: DeployOptions = {},
): Promise<Record<string, string>> {
  const cacheDir = join(contractsDir, "cache");
  mkdirSync(cacheDir, { recursive: true });
  const deploymentsDir = keep.deploymentsDir ?? mkdtempSync(join(cacheDir, "gas-bench-"));
  const broadcastDir = mkdtempSync(join(tmpdir(), "gas-bench-broadcast-"));
  try {
    await runFoundry(
      "forge",
      ["script", `script/${script}`, "--rpc-url", rpcUrl, "--broadcast", "--private-key", privateKey],
      {
        cwd: contractsDir,
        env: { ...env, DEPLOYMENTS_DIR: deploymentsDir, FOUNDRY_BROADCAST: broadcastDir },
        // The script's other inputs come from the caller only, never from the shell's environment.
        unset: inputs.filter((name) => !(name in env)),
      },
    );
    return JSON.parse(readFileSync(join(deploymentsDir, `${chainId}${suffix}`), "utf8")) as Record<
      string,
      string
    >;
  } finally {
    if (!keep.deploymentsDir) rmSync(deploymentsDir, { recursive: true, force: true });
    rmSync(broadcastDir, { recursive: true, force: true });
    // forge keeps the script's "sensitive values" per chain id under cache/; ours is a chain id of
    // its own, so this removes only what this run wrote.
    rmSync(join(cacheDir, script, String(chainId)), { recursive: true, force: true });
  }
}

export interface DeployOptions {
  /** Where the script writes its JSON, kept afterwards (inside contracts/ or ../deployments). */
  deploymentsDir?: string;
}

function addressOf(raw: Record<string, string>, key: string): Address {
  const value = raw[key];
  if (!value) throw new Error(`deployment file lacks ${key}`);
  return getAddress(value);
}

/** Runs script/Deploy.s.sol against `rpcUrl`. */
export async function deploy(
  contractsDir: string,
  rpcUrl: string,
  chainId: number,
  privateKey: string,
  env: Record<string, string>,
  options: DeployOptions = {},
): Promise<Deployment> {
  const raw = await runDeployScript(
    contractsDir,
    "Deploy.s.sol",
    ".json",
    rpcUrl,
    chainId,
    privateKey,
    env,
    ["DEPLOY_CONFIG", "GENESIS_TIME", "EPOCH_LENGTH", "SETTLER", "GUARDIAN", "TEST_TOKEN"],
    options,
  );
  return {
    token: addressOf(raw, "token"),
    rewardVault: addressOf(raw, "rewardVault"),
    staking: addressOf(raw, "staking"),
    stakingImplementation: addressOf(raw, "stakingImplementation"),
    governor: addressOf(raw, "governor"),
    timelock: addressOf(raw, "timelock"),
    upgradeTimelock: addressOf(raw, "upgradeTimelock"),
  };
}

/** Runs script/DeployOracle.s.sol against `rpcUrl`; returns the committee's address. */
export async function deployOracle(
  contractsDir: string,
  rpcUrl: string,
  chainId: number,
  privateKey: string,
  env: Record<string, string>,
  options: DeployOptions = {},
): Promise<Address> {
  const raw = await runDeployScript(
    contractsDir,
    "DeployOracle.s.sol",
    ".oracle.json",
    rpcUrl,
    chainId,
    privateKey,
    env,
    ["STAKING", "MEMBERS", "QUORUM", "OWNER"],
    options,
  );
  return addressOf(raw, "oracleCommittee");
}
