// A real chain for the tests: anvil on a free loopback port (the contracts' own bench helper), the
// contracts deployed by script/Deploy.s.sol, and a seeded world built with the SDK itself.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createPublicClient, type Hex, http, zeroAddress } from "viem";
import { privateKeyToAccount } from "viem/accounts";

import { type Anvil, startAnvil } from "../../../contracts/bench/anvil.ts";
import { runFoundry } from "../../../contracts/bench/foundry.ts";
import { parseAmount } from "../src/amounts/amount.js";
import { createStakingClient, type StakingClient } from "../src/client/createStakingClient.js";
import type { Deployment } from "../src/deployments/deployment.js";
import { loadDeployment } from "../src/deployments/registry.js";
import { encodeMetadataURI } from "../src/metadata/metadata.js";

export const contractsDir = fileURLToPath(new URL("../../../contracts", import.meta.url));

/** Anvil's well-known development keys, accounts 0-5, 8 and 9 (public; never use them anywhere else). */
export const keys = {
  admin: "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
  providerA: "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
  providerB: "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
  alice: "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
  bob: "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a",
  carol: "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba",
  settler: "0xdbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97",
  guardian: "0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6",
} as const satisfies Record<string, Hex>;
export type Actor = keyof typeof keys;

export const address = (actor: Actor) => privateKeyToAccount(keys[actor]).address;

export type Devnet = {
  rpcUrl: string;
  deploymentFile: string;
  deployment: Deployment;
  anvil: Anvil;
  stop(): Promise<void>;
};

/**
 * Seeded world: providers A and B are genesis providers (registered and admitted by the deploy
 * script), every actor holds 10M tANKR and ETH, the vault is funded. `settler` holds SETTLER_ROLE,
 * `guardian` PAUSER_ROLE; the deployer (`admin`) holds nothing. Governance runs on short clocks.
 */
export const seed = {
  balance: parseAmount("10,000,000"),
  selfStake: parseAmount("100,000"),
  commissionBps: { providerA: 1000, providerB: 500 },
  vault: parseAmount("5,000,000"),
  governance: {
    votingDelay: 4,
    votingPeriod: 3600,
    timelockDelay: 60,
    /** Longer than the 28-day provider unbonding period, as the deploy script requires. */
    upgradeDelay: 30 * 86_400,
    proposalThreshold: parseAmount("50,000"),
    quorumPercent: 10,
  },
  names: { providerA: "Acme RPC", providerB: "Beta Nodes" },
} as const;

/** The deploy script's config for the test world (format in docs/governance.md). */
function deployConfig(): string {
  const provider = (actor: "providerA" | "providerB") => ({
    account: address(actor),
    privateKey: keys[actor],
    selfStake: seed.selfStake.toString(),
    commissionBps: seed.commissionBps[actor],
    metadataURI: encodeMetadataURI({
      name: seed.names[actor],
      chains: [{ id: "ethereum", endpoints: [`https://${actor}.example`] }],
    }),
  });
  const g = seed.governance;
  return JSON.stringify({
    token: zeroAddress,
    genesisTime: 0,
    settler: address("settler"),
    guardian: address("guardian"),
    timelockDelay: g.timelockDelay,
    upgradeDelay: g.upgradeDelay,
    votingDelay: g.votingDelay,
    votingPeriod: g.votingPeriod,
    proposalThreshold: g.proposalThreshold.toString(),
    quorumPercent: g.quorumPercent,
    genesisProviders: [provider("providerA"), provider("providerB")],
  });
}

export async function startDevnet(chainId: number): Promise<Devnet> {
  const anvil = await startAnvil({ chainId, timestamp: Math.floor(Date.now() / 1000), hardfork: "cancun" });
  // The deploy script may only write inside the contracts project; the file is read by the SDK's
  // deployments registry, as a devnet's would be.
  const deploymentsDir = mkdtempSync(join(contractsDir, "cache", "sdk-test-"));
  const broadcastDir = mkdtempSync(join(tmpdir(), "sdk-test-broadcast-"));
  const configFile = join(deploymentsDir, "config.json");
  writeFileSync(configFile, deployConfig());
  try {
    // The bench's anvil funds only the first account with ETH; the genesis providers send their
    // own registrations from the script.
    await fundEth(anvil.url, Object.keys(keys) as Actor[]);
    await runFoundry(
      "forge",
      ["script", "script/Deploy.s.sol", "--rpc-url", anvil.url, "--broadcast", "--private-key", keys.admin],
      {
        cwd: contractsDir,
        env: {
          DEPLOY_CONFIG: configFile,
          DEPLOYMENTS_DIR: deploymentsDir,
          FOUNDRY_BROADCAST: broadcastDir,
          TEST_TOKEN: "true",
        },
        unset: ["GENESIS_TIME", "EPOCH_LENGTH", "SETTLER", "GUARDIAN"],
      },
    );
    const deploymentFile = join(deploymentsDir, `${chainId}.json`);
    const deployment = loadDeployment(chainId, { dir: deploymentsDir });
    await seedWorld(anvil.url, deployment);
    return {
      rpcUrl: anvil.url,
      deploymentFile,
      deployment,
      anvil,
      stop: async () => {
        await anvil.stop();
        rmSync(deploymentsDir, { recursive: true, force: true });
        rmSync(join(contractsDir, "cache", "Deploy.s.sol", String(chainId)), {
          recursive: true,
          force: true,
        });
      },
    };
  } catch (error) {
    await anvil.stop();
    rmSync(deploymentsDir, { recursive: true, force: true });
    throw error;
  } finally {
    rmSync(broadcastDir, { recursive: true, force: true });
  }
}

async function fundEth(rpcUrl: string, actors: readonly Actor[]): Promise<void> {
  const client = createPublicClient({ transport: http(rpcUrl) });
  for (const actor of actors) {
    await client.request({
      method: "anvil_setBalance",
      params: [address(actor), "0x56bc75e2d63100000"],
    } as never);
  }
}

export function clientFor(rpcUrl: string, deployment: Deployment, actor?: Actor): StakingClient {
  return createStakingClient({
    deployment,
    transport: http(rpcUrl),
    account: actor ? privateKeyToAccount(keys[actor]) : undefined,
    pollingInterval: 50,
  });
}

async function seedWorld(rpcUrl: string, deployment: Deployment): Promise<void> {
  const admin = clientFor(rpcUrl, deployment, "admin");
  const wallet = admin.walletClient;
  if (!wallet) throw new Error("the admin client has no wallet");
  const { testAnkrAbi } = await import("../src/abis/generated.js");
  for (const actor of ["providerA", "providerB", "alice", "bob", "carol"] as const) {
    const hash = await wallet.writeContract({
      address: deployment.token,
      abi: testAnkrAbi,
      functionName: "transfer",
      args: [address(actor), seed.balance],
    });
    await admin.publicClient.waitForTransactionReceipt({ hash });
  }
  await admin.fundVault({ amount: seed.vault });
}
