// A small world driven through the SDK: delegations, a partial undelegation, a settled epoch, a
// claim, a restake, a redelegation and a scheduled commission increase.
import { inject } from "vitest";

import { readDeploymentFile } from "../../sdk/src/deployments/registry.ts";
import { type Actor, address, clientFor } from "../../sdk/test/devnet.ts";
import "./provided.ts";

export const rpcUrl = inject("rpcUrl");
export const deploymentFile = inject("deploymentFile");
export const deployment = readDeploymentFile(deploymentFile);
export const client = (actor?: Actor) => clientFor(rpcUrl, deployment, actor);
export const reader = client();
export { address };

export const rpc = <T>(method: string, params: unknown[] = []) =>
  reader.publicClient.request({ method, params } as never) as Promise<T>;

export async function increaseTime(seconds: bigint | number) {
  await rpc("evm_increaseTime", [Number(seconds)]);
  await rpc("evm_mine");
}

const ankr = (n: number) => BigInt(n) * 10n ** 18n;

export async function runScenario() {
  await client("alice").delegate({ provider: address("providerA"), amount: ankr(50_000) });
  await client("bob").delegate({ provider: address("providerB"), amount: ankr(20_000) });
  await client("carol").delegate({ provider: address("providerA"), amount: ankr(30_000) });
  await client("alice").undelegate({ provider: address("providerA"), amount: ankr(5_000) });
  const { nextSettleableAt } = await reader.getEpoch();
  const now = (await reader.publicClient.getBlock()).timestamp;
  await increaseTime(nextSettleableAt - now + 1n);
  await client("settler").settleEpoch({ defaultScoreBps: 10_000, scores: { [address("providerB")]: 8_000 } });
  await increaseTime(86_400);
  await client("alice").claim({ provider: address("providerA") });
  await client("carol").restake({ provider: address("providerA") });
  await client("bob").redelegate({
    fromProvider: address("providerB"),
    toProvider: address("providerA"),
    amount: ankr(5_000),
  });
  await client("providerA").setCommission({ commissionBps: 1_500 });
}
