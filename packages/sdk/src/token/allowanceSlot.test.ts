import { describe, expect, test } from "vitest";

import { ALICE, client, deployment, isolate, reader, rpcUrl } from "../../test/fixtures.js";
import { testAnkrAbi } from "../abis/generated.js";
import { createStakingClient } from "../client/createStakingClient.js";
import { allowanceOverride, allowanceSlot, findAllowanceSlot } from "./allowanceSlot.js";

isolate();

describe("allowance slot", () => {
  test("finds OpenZeppelin ERC20's _allowances mapping (slot 1) on the devnet token", async () => {
    expect(await findAllowanceSlot(reader, ALICE, deployment.staking)).toBe(1n);
  });

  test("the computed slot holds a real approval", async () => {
    const alice = client("alice");
    const hash = await alice.walletClient?.writeContract({
      address: deployment.token,
      abi: testAnkrAbi,
      functionName: "approve",
      args: [deployment.staking, 1234n],
      account: alice.account ?? null,
      chain: alice.publicClient.chain,
    });
    // The node answers with the hash before the block is mined; read the slot after it is.
    if (!hash) throw new Error("alice has no wallet client");
    await reader.publicClient.waitForTransactionReceipt({ hash });
    const stored = await reader.publicClient.getStorageAt({
      address: deployment.token,
      slot: allowanceSlot(1n, ALICE, deployment.staking),
    });
    expect(BigInt(stored ?? "0x0")).toBe(1234n);
  });

  test("a token whose allowance cannot be probed gives null (the caller then approves first)", async () => {
    // The reward vault has no allowance(): the probe reverts, which is the same as an unknown layout.
    const odd = createStakingClient({
      deployment: { ...deployment, token: deployment.rewardVault },
      rpcUrl,
      pollingInterval: 50,
    });
    expect(await findAllowanceSlot(odd, ALICE, deployment.staking)).toBeNull();
    expect(await allowanceOverride(odd, ALICE, deployment.staking, 1n)).toBeUndefined();
  });

  test("the override makes allowance() read the amount", async () => {
    const stateOverride = await allowanceOverride(reader, ALICE, deployment.rewardVault, 777n);
    const value = await reader.publicClient.readContract({
      address: deployment.token,
      abi: testAnkrAbi,
      functionName: "allowance",
      args: [ALICE, deployment.rewardVault],
      ...(stateOverride ? { stateOverride } : {}),
    });
    expect(value).toBe(777n);
  });
});
