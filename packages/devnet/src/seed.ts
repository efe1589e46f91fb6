// A lived-in world, built through the SDK as a user would: devnet parameters scaled to short
// epochs, a funded reward vault, providers with metadata (data: URIs) and different commissions,
// chains and endpoints, many delegators, and an unbonding entry.
import {
  createStakingClient,
  type Deployment,
  encodeMetadataURI,
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

/** The providers, in account order; "Driftwood" is the visibly worse one. */
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

export async function seedWorld(
  rpcUrl: string,
  deployment: Deployment,
  endpoints: Endpoints,
  log: (line: string) => void,
): Promise<void> {
  const admin = clientFor(rpcUrl, deployment, accounts.admin);
  const wallet = admin.walletClient;
  if (!wallet) throw new Error("the admin client has no wallet");
  const transfer = async (to: Address, amount: bigint) => {
    const hash = await wallet.writeContract({
      address: deployment.token,
      abi: testAnkrAbi,
      functionName: "transfer",
      args: [to, amount],
    });
    await admin.publicClient.waitForTransactionReceipt({ hash });
  };

  // Weekly figures scaled to the devnet's short epochs, so APYs look like a real network's and
  // unbonding finishes within a few epochs (`npm run devnet:advance -- --epochs 3` shows it).
  const parameters = await admin.getParameters();
  const epoch = Number((await admin.getEpoch()).epochLength);
  await admin.setParameters({
    parameters: {
      ...parameters,
      rewardPerEpoch: (parameters.rewardPerEpoch * BigInt(epoch)) / BigInt(7 * 86_400),
      unbondingPeriod: 2 * epoch,
      providerUnbondingPeriod: 4 * epoch,
      commissionNoticePeriod: 3 * epoch,
      jailCooldown: 2 * epoch,
    },
  });
  await admin.fundVault({ amount: parseAmount("1,000,000") });
  log("  parameters scaled to the epoch length; reward vault funded with 1,000,000 tANKR");

  for (const [i, seed] of PROVIDERS.entries()) {
    const who = accounts.providers[i] as DevAccount;
    await transfer(who.address, parseAmount("1,000,000"));
    await clientFor(rpcUrl, deployment, who).registerProvider({
      selfStake: parseAmount(seed.selfStake),
      commissionBps: seed.commissionBps,
      metadataURI: encodeMetadataURI(providerMetadata(seed, endpoints)),
    });
    await admin.admitProvider({ provider: who.address });
  }
  log(`  ${PROVIDERS.length} providers registered and admitted`);

  for (const [i, who] of accounts.delegators.entries()) {
    await transfer(who.address, parseAmount("250,000"));
    const delegator = clientFor(rpcUrl, deployment, who);
    // Most back one or two providers; the worse provider still gets a little stake.
    const picks = i % 3 === 0 ? [i % PROVIDERS.length, (i + 2) % PROVIDERS.length] : [i % PROVIDERS.length];
    for (const [j, p] of picks.entries()) {
      const provider = (accounts.providers[p] as DevAccount).address;
      await delegator.delegate({ provider, amount: amountFor(i, j) });
    }
  }
  log(`  ${accounts.delegators.length} delegators staked`);

  // One delegator changes its mind about part of its stake: an entry in its unbonding queue.
  const leaver = accounts.delegators[1] as DevAccount;
  await clientFor(rpcUrl, deployment, leaver).undelegate({
    provider: (accounts.providers[1] as DevAccount).address,
    amount: parseAmount("500"),
  });
  log(`  ${leaver.label} is unbonding 500 tANKR`);
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
