// A lived-in world. The genesis providers (metadata as data: URIs, different commissions, chains
// and endpoints) come from the deploy config (contracts.ts); the rest is built through the SDK as
// users would: devnet parameters scaled to short epochs, a funded reward vault, many delegators,
// and (after the settled epochs) an unbonding entry.
import {
  createStakingClient,
  type Deployment,
  type ProviderMetadata,
  parseAmount,
  type StakingClient,
  testAnkrAbi,
} from "@ankr-staking/sdk";
import type { Address } from "viem";
import type { PrivateKeyAccount } from "viem/accounts";

import { accounts, type DevAccount } from "./accounts.ts";
import type { Endpoints } from "./endpoints.ts";

export interface ProviderSeed {
  name: string;
  commissionBps: number;
  selfStake: string;
  /** Registry chain id -> endpoint kind. */
  chains: Record<string, "good" | "bad">;
}

/** The genesis providers, in account order; "Driftwood" is the visibly worse one. */
export const PROVIDERS: readonly ProviderSeed[] = [
  {
    name: "Acme RPC",
    commissionBps: 500,
    selfStake: "400,000",
    chains: { ethereum: "good", polygon: "good", solana: "good", devnet: "good" },
  },
  {
    name: "Borealis Nodes",
    commissionBps: 1000,
    selfStake: "250,000",
    chains: { ethereum: "good", bitcoin: "good", near: "good" },
  },
  {
    name: "Cobalt Infra",
    commissionBps: 800,
    selfStake: "150,000",
    chains: { polygon: "good", solana: "good", devnet: "good" },
  },
  {
    name: "Driftwood",
    commissionBps: 1500,
    selfStake: "120,000",
    chains: { ethereum: "bad", solana: "bad" },
  },
  {
    name: "Ember Stake",
    commissionBps: 2000,
    selfStake: "100,000",
    chains: { near: "good", bitcoin: "good", ethereum: "good" },
  },
];

/** The independent provider that registers during the seed and waits for governance to admit it. */
export const APPLICANT: ProviderSeed = {
  name: "Foxglove Labs",
  commissionBps: 700,
  selfStake: "150,000",
  chains: { polygon: "good", near: "good", devnet: "good" },
};

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, "-");

/**
 * The metadata document (the SDK's schema, which the oracle members read).
 */
export function providerMetadata(seed: ProviderSeed, endpoints: Endpoints): ProviderMetadata {
  const chains = Object.entries(seed.chains).map(([id, kind]) => {
    const url = endpoints[kind][id] ?? endpoints.good[id];
    if (!url) throw new Error(`no ${kind} endpoint for ${id}`);
    return { id, endpoints: [url] };
  });
  return {
    name: seed.name,
    website: `https://${slug(seed.name)}.example`,
    description: `${seed.name}: ${Object.keys(seed.chains).join(", ")} (devnet)`,
    chains,
  };
}

const client = (rpcUrl: string, deployment: Deployment, account?: PrivateKeyAccount): StakingClient =>
  createStakingClient({
    deployment,
    rpcUrl,
    pollingInterval: 50,
    ...(account ? { account } : {}),
  });

export function clientFor(rpcUrl: string, deployment: Deployment, who?: DevAccount): StakingClient {
  return client(rpcUrl, deployment, who?.account);
}

/** Deterministic, varied delegation amounts: 1,000 .. ~60,000 ANKR. */
const amountFor = (i: number, j: number) => parseAmount(String(1000 + ((i * 7919 + j * 104_729) % 59_000)));

/**
 * The yearly reward budget on the devnet: about 12% of the seeded stake (~1.6M tANKR), so APYs look
 * like a real network's. The launch default (1,000,000 ANKR a week) is sized for a pool of billions;
 * scaled to 5-minute epochs on the devnet's small pool it would read as thousands of percent.
 */
const DEVNET_REWARDS_PER_YEAR = parseAmount("200,000");

/**
 * The devnet's parameters, set as a passed proposal would set them: a reward budget sized to the
 * devnet's stake, periods scaled to the short epochs so unbonding finishes within a few epochs
 * (`npm run devnet:advance -- --epochs 2` shows it). A real proposal waits out its voting period
 * and the timelock; here the timelock (GOVERNANCE_ROLE) is impersonated once, before anything else
 * happens (anvil_impersonateAccount: devnet only). The open proposal in the seed is a real one.
 */
async function scaleParameters(rpcUrl: string, deployment: Deployment): Promise<void> {
  const timelock = deployment.timelock;
  if (!timelock) throw new Error("the deployment has no timelock");
  const reader = clientFor(rpcUrl, deployment);
  const rpc = (method: string, params: unknown[]) =>
    reader.publicClient.request({ method, params } as never) as Promise<unknown>;
  await rpc("anvil_impersonateAccount", [timelock]);
  await rpc("anvil_setBalance", [timelock, "0xde0b6b3a7640000"]);
  try {
    const governance = createStakingClient({
      deployment,
      rpcUrl,
      pollingInterval: 50,
      account: { address: timelock, type: "json-rpc" },
    });
    const parameters = await reader.getParameters();
    const epoch = Number((await reader.getEpoch()).epochLength);
    await governance.setParameters({
      parameters: {
        ...parameters,
        rewardPerEpoch: (DEVNET_REWARDS_PER_YEAR * BigInt(epoch)) / BigInt(365 * 86_400),
        unbondingPeriod: 2 * epoch,
        providerUnbondingPeriod: 4 * epoch,
        commissionNoticePeriod: 3 * epoch,
        jailCooldown: 2 * epoch,
      },
    });
  } finally {
    await rpc("anvil_stopImpersonatingAccount", [timelock]);
  }
}

export async function seedWorld(
  rpcUrl: string,
  deployment: Deployment,
  log: (line: string) => void,
): Promise<void> {
  const admin = clientFor(rpcUrl, deployment, accounts.admin);
  await scaleParameters(rpcUrl, deployment);
  await admin.fundVault({ amount: parseAmount("1,000,000") });
  log("  parameters scaled to the epoch length; reward vault funded with 1,000,000 tANKR");

  // The genesis providers registered and were admitted in the deploy script; they get spare
  // tANKR for the provider console (more self-stake, fees to add to their pools).
  for (const who of accounts.providers) await transfer(admin, who.address, parseAmount("1,000,000"));

  for (const [i, who] of accounts.delegators.entries()) {
    await transfer(admin, who.address, parseAmount("250,000"));
    const delegator = clientFor(rpcUrl, deployment, who);
    // Most back one or two providers; the worse provider still gets a little stake.
    const picks = i % 3 === 0 ? [i % PROVIDERS.length, (i + 2) % PROVIDERS.length] : [i % PROVIDERS.length];
    for (const [j, p] of picks.entries()) {
      const provider = (accounts.providers[p] as DevAccount).address;
      await delegator.delegate({ provider, amount: amountFor(i, j) });
    }
  }
  log(`  ${accounts.delegators.length} delegators staked`);
}

/**
 * One delegator changes its mind about part of its stake: an entry in its unbonding queue. Made
 * after the settled epochs (whose jumps would otherwise have matured it before the devnet is ready),
 * so a newcomer finds it still unbonding and sees it mature with `devnet:advance -- --epochs 2`.
 */
export async function seedUnbonding(
  rpcUrl: string,
  deployment: Deployment,
  log: (line: string) => void,
): Promise<void> {
  const leaver = accounts.delegators[1] as DevAccount;
  await clientFor(rpcUrl, deployment, leaver).undelegate({
    provider: (accounts.providers[1] as DevAccount).address,
    amount: parseAmount("500"),
  });
  log(`  ${leaver.label} is unbonding 500 tANKR (matures in 2 epochs)`);
}

export async function transfer(from: StakingClient, to: Address, amount: bigint): Promise<void> {
  const wallet = from.walletClient;
  if (!wallet) throw new Error("the client has no wallet");
  const hash = await wallet.writeContract({
    address: from.deployment.token,
    abi: testAnkrAbi,
    functionName: "transfer",
    args: [to, amount],
  });
  await from.publicClient.waitForTransactionReceipt({ hash });
}

/** After a few settled epochs: one delegator claims, another restakes. */
export async function seedRewardActions(rpcUrl: string, deployment: Deployment): Promise<void> {
  const claimer = accounts.delegators[0] as DevAccount;
  await clientFor(rpcUrl, deployment, claimer).claim({
    provider: (accounts.providers[0] as DevAccount).address,
  });
  const restaker = accounts.delegators[2] as DevAccount;
  await clientFor(rpcUrl, deployment, restaker).restake({
    provider: (accounts.providers[2] as DevAccount).address,
  });
}
