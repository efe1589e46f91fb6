// Per-test helpers: clients for the seeded actors, chain time control, and isolation by snapshot.
import { afterEach, beforeEach, inject } from "vitest";

import type { StakingClient } from "../src/client/createStakingClient.js";
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
