// Per-test helpers: clients for the seeded actors, chain time control, and isolation by snapshot.

import { type Address, http } from "viem";
import { afterEach, beforeEach, inject } from "vitest";

import type { ProposalAction } from "../src/actions/governance/getProposal.js";
import { createStakingClient, type StakingClient } from "../src/client/createStakingClient.js";
import { readDeploymentFile } from "../src/deployments/registry.js";
import { type Actor, address, clientFor } from "./devnet.js";
import "./provided.js";

export type { Actor } from "./devnet.js";
export { address, keys, seed } from "./devnet.js";

export const rpcUrl = inject("rpcUrl");
export const deploymentFile = inject("deploymentFile");
export const deployment = readDeploymentFile(deploymentFile);

export const client = (actor?: Actor): StakingClient => clientFor(rpcUrl, deployment, actor);
export const reader = client();

async function rpc<T>(method: string, params: unknown[] = []): Promise<T> {
  return reader.publicClient.request({ method, params } as never) as Promise<T>;
}

/** Moves chain time forward by `seconds` and mines a block. */
export async function increaseTime(seconds: bigint | number): Promise<void> {
  await rpc("evm_increaseTime", [Number(seconds)]);
  await rpc("evm_mine");
}

/** The latest block's timestamp. */
export async function now(): Promise<bigint> {
  return (await reader.publicClient.getBlock()).timestamp;
}

const snapshot = () => rpc<string>("evm_snapshot");

async function revert(id: string): Promise<void> {
  await rpc("evm_revert", [id]);
}

/** Runs `body` and puts the chain back as it was (one property-test case, for instance). */
export async function withSnapshot<T>(body: () => Promise<T>): Promise<T> {
  const id = await snapshot();
  try {
    return await body();
  } finally {
    await revert(id);
  }
}

/** Every test in the calling file starts from the seeded chain and leaves it untouched. */
export function isolate(): void {
  let id: string | undefined;
  beforeEach(async () => {
    id = await snapshot();
  });
  afterEach(async () => {
    if (id) await revert(id);
  });
}

export const A = address("providerA");
export const B = address("providerB");
export const ALICE = address("alice");
export const BOB = address("bob");

/**
 * Passes a proposal the way governance does on a real network: provider A proposes, both genesis
 * providers vote for it, then it is queued and executed through the timelock (time moved on
 * between steps). Returns the proposal's id.
 */
export async function passProposal(actions: readonly ProposalAction[], description: string): Promise<bigint> {
  const { proposalId } = await client("providerA").propose({ actions, description });
  const proposal = await reader.getProposal({ proposalId });
  await increaseTime(proposal.snapshot - (await now()) + 1n);
  await client("providerA").castVote({ proposalId, support: "for" });
  await client("providerB").castVote({ proposalId, support: "for" });
  await increaseTime(proposal.deadline - (await now()) + 1n);
  await client("bob").queue({ proposalId });
  const { eta } = await reader.getProposal({ proposalId });
  await increaseTime(eta - (await now()) + 1n);
  await client("bob").execute({ proposalId });
  return proposalId;
}

/**
 * A client that sends as `account` (impersonated on anvil): the main timelock or the upgrade
 * timelock, for tests that need a governed setting as a precondition rather than the governance
 * path itself (see passProposal).
 */
export async function impersonate(account: Address): Promise<StakingClient> {
  await rpc("anvil_impersonateAccount", [account]);
  await rpc("anvil_setBalance", [account, "0x56bc75e2d63100000"]);
  return createStakingClient({
    deployment,
    transport: http(rpcUrl),
    account: { address: account, type: "json-rpc" },
    pollingInterval: 50,
  });
}

/** A client sending as the main timelock (GOVERNANCE_ROLE). */
export function asTimelock(): Promise<StakingClient> {
  if (!deployment.timelock) throw new Error("the deployment has no timelock");
  return impersonate(deployment.timelock);
}
