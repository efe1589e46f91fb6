// A real anvil with the staking protocol and the oracle committee deployed by the project's own
// forge scripts, for the end-to-end suite. Every process is started here and stopped by its pid.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { type ChainEntry, GAS_HEADROOM_PERCENT } from "@ankr-staking/sdk";
import {
  type Abi,
  type Account,
  type Address,
  type Chain,
  createPublicClient,
  createTestClient,
  createWalletClient,
  erc20Abi,
  getAddress,
  type Hash,
  http,
  type PublicClient,
  parseEther,
  type Transport,
  type WalletClient,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { foundry } from "viem/chains";

import { stakingAbi } from "../src/abi.ts";
import type { Config } from "../src/config.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const contractsDir = join(root, "contracts");
const bin = (tool: string) => join(root, "node_modules", "@foundry-rs", `${tool}-linux-amd64`, "bin", tool);
const run = promisify(execFile);

/** anvil's public development keys (test only). */
export const DEV_KEYS = [
  "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
  "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
  "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
  "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
  "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a",
  "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba",
  "0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e",
  "0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356",
] as const;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

export interface Devnet {
  url: string;
  client: PublicClient;
  test: ReturnType<typeof createTestClient>;
  staking: Address;
  token: Address;
  vault: Address;
  committee: Address;
  /** The main timelock (GOVERNANCE_ROLE): the deploy script leaves the deployer no role. */
  timelock: Address;
  epochLength: number;
  stop(): Promise<void>;
}

async function forgeScript(
  script: string,
  url: string,
  env: Record<string, string>,
  file: string,
  config?: unknown,
) {
  const dir = mkdtempSync(join(contractsDir, "cache", "oracle-e2e-"));
  if (config !== undefined) {
    writeFileSync(join(dir, "config.json"), JSON.stringify(config));
    env = { ...env, DEPLOY_CONFIG: join(dir, "config.json") };
  }
  try {
    await run(
      bin("forge"),
      ["script", `script/${script}`, "--rpc-url", url, "--broadcast", "--private-key", DEV_KEYS[0]],
      {
        cwd: contractsDir,
        env: { ...process.env, ...env, DEPLOYMENTS_DIR: dir, FOUNDRY_BROADCAST: join(dir, "broadcast") },
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    return JSON.parse(readFileSync(join(dir, file), "utf8")) as Record<string, string>;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(join(contractsDir, "cache", script, "31337"), { recursive: true, force: true });
  }
}

export async function startDevnet(
  members: readonly Address[],
  quorum: number,
  epochLength: number,
): Promise<Devnet> {
  const port = await freePort();
  const anvil: ChildProcess = spawn(
    bin("anvil"),
    ["--host", "127.0.0.1", "--port", String(port), "--silent"],
    {
      stdio: "ignore",
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const client = createPublicClient({ chain: foundry, transport: http(url) }) as PublicClient;
  const test = createTestClient({ chain: foundry, mode: "anvil", transport: http(url) });
  const stop = async () => {
    if (anvil.exitCode === null && anvil.pid) {
      const exited = new Promise((resolve) => anvil.once("exit", resolve));
      process.kill(anvil.pid, "SIGTERM");
      await exited;
    }
  };
  try {
    for (let i = 0; ; i++) {
      try {
        await client.getBlockNumber();
        break;
      } catch (error) {
        if (i > 100) throw error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    // No genesis providers (the test registers its own); the committee is deployed by the same
    // script, owned by the timelock and holding SETTLER_ROLE.
    const deployed = await forgeScript(
      "Deploy.s.sol",
      url,
      { EPOCH_LENGTH: String(epochLength) },
      "31337.json",
      {
        token: "0x0000000000000000000000000000000000000000",
        settler: "0x0000000000000000000000000000000000000000",
        guardian: "0xa0Ee7A142d267C1f36714E4a8F75612F20a79720",
        oracleMembers: members,
        oracleQuorum: quorum,
        genesisProviders: [],
      },
    );
    const staking = getAddress(deployed.staking as string);
    return {
      url,
      client,
      test,
      staking,
      token: getAddress(deployed.token as string),
      vault: getAddress(deployed.rewardVault as string),
      committee: getAddress(deployed.oracleCommittee as string),
      timelock: getAddress(deployed.timelock as string),
      epochLength,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * The estimate is taken at the pending block's time, and a staking call's gas depends on the time
 * it lands in (accrual): as every SDK transaction, the limit gets the SDK's headroom over it (a bare
 * estimate once made `admitProvider` run out of gas on a loaded machine).
 */
async function writeWithHeadroom(
  devnet: Devnet,
  wallet: WalletClient<Transport, Chain, Account>,
  request: { address: Address; abi: Abi; functionName: string; args: unknown[] },
): Promise<Hash> {
  const gas = await devnet.client.estimateContractGas({ ...request, account: wallet.account });
  return wallet.writeContract({ ...request, gas: (gas * (100n + GAS_HEADROOM_PERCENT)) / 100n });
}

/** Sends a transaction signed with `key` and waits for it; throws if it reverted. */
export async function send(
  devnet: Devnet,
  key: `0x${string}`,
  address: Address,
  abi: Abi,
  fn: string,
  args: unknown[],
) {
  const wallet = createWalletClient({
    chain: foundry,
    transport: http(devnet.url),
    account: privateKeyToAccount(key),
  });
  const hash = await writeWithHeadroom(devnet, wallet, { address, abi, functionName: fn, args });
  const receipt = await devnet.client.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw new Error(`${fn} reverted`);
}

/** Sends as `from` without its key (anvil impersonation): governance steps in the setup. */
export async function sendAs(
  devnet: Devnet,
  from: Address,
  address: Address,
  abi: Abi,
  fn: string,
  args: unknown[],
) {
  await devnet.test.impersonateAccount({ address: from });
  await devnet.test.setBalance({ address: from, value: parseEther("10") });
  const wallet = createWalletClient({ chain: foundry, transport: http(devnet.url), account: from });
  const hash = await writeWithHeadroom(devnet, wallet, { address, abi, functionName: fn, args });
  const receipt = await devnet.client.waitForTransactionReceipt({ hash });
  await devnet.test.stopImpersonatingAccount({ address: from });
  if (receipt.status !== "success") throw new Error(`${fn} reverted`);
}

/** A provider's record on the staking contract (the fields the tests read). */
export function readProvider(devnet: Devnet, provider: Address) {
  return devnet.client.readContract({
    address: devnet.staking,
    abi: stakingAbi,
    functionName: "getProvider",
    args: [provider],
  }) as Promise<{ lastScoreBps: bigint; rewardRate: bigint }>;
}

/** The next epoch the staking contract will settle (the fourth field of its epoch clock). */
export async function nextToSettle(devnet: Devnet): Promise<number> {
  const clock = (await devnet.client.readContract({
    address: devnet.staking,
    abi: stakingAbi,
    functionName: "epochClock",
  })) as bigint[];
  return Number(clock[3]);
}

/** The devnet's own chain as the members' registry knows it (ORACLE_EXTRA_CHAINS). */
export const DEVNET_CHAIN: ChainEntry = {
  id: "devnet",
  name: "Devnet",
  family: "evm",
  identity: "0x7a69",
  maxLag: 3,
};

/** A metadata document as a `data:` URI. */
export const dataUri = (doc: unknown) => `data:application/json,${encodeURIComponent(JSON.stringify(doc))}`;

/** Funds, registers (100,000 ANKR self-stake, 10% commission) and admits one provider per key. */
export async function registerAndAdmit(devnet: Devnet, providers: readonly [`0x${string}`, string][]) {
  const admin = DEV_KEYS[0];
  const selfStake = parseEther("100000");
  for (const [key, uri] of providers) {
    const address = privateKeyToAccount(key).address;
    await send(devnet, admin, devnet.token, erc20Abi, "transfer", [address, selfStake]);
    await send(devnet, key, devnet.token, erc20Abi, "approve", [devnet.staking, selfStake]);
    await send(devnet, key, devnet.staking, stakingAbi, "registerProvider", [selfStake, 1000, uri]);
    await sendAs(devnet, devnet.timelock, devnet.staking, stakingAbi, "admitProvider", [address]);
  }
}

/** A member's configuration against this devnet, probing loopback endpoints; `overrides` adjust it. */
export function memberConfig(
  devnet: Devnet,
  privateKey: `0x${string}`,
  db: string,
  overrides: Partial<Config> = {},
): Config {
  return {
    rpcUrl: devnet.url,
    staking: devnet.staking,
    committee: devnet.committee,
    privateKey,
    db,
    host: "127.0.0.1",
    port: 0,
    probeIntervalMs: 60_000,
    timeoutMs: 2000,
    maxBytes: 256 * 1024,
    perHost: 4,
    allow: ["127.0.0.0/8"],
    ipfsGateway: "https://ipfs.io/ipfs/",
    extraChains: [DEVNET_CHAIN],
    ...overrides,
  };
}
