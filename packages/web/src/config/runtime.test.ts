import { describe, expect, test } from "vitest";

import { loadRuntimeConfig } from "./runtime.ts";

const deployment = {
  chainId: 31337,
  token: "0x5FbDB2315678afecb367f032d93F642f64180aa3",
  rewardVault: "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512",
  staking: "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0",
  stakingImplementation: "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9",
  startBlock: 0,
};
const alice = {
  label: "delegator 1",
  address: "0x90F79bf6EB2c4f870365E785982E1f101E93b906",
  key: "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
};
const asUrl = (body: unknown) => `data:application/json,${encodeURIComponent(JSON.stringify(body))}`;

describe("runtime config", () => {
  test("reads the chain, deployment, API and the devnet's accounts", async () => {
    const config = await loadRuntimeConfig(
      asUrl({ rpcUrl: "http://127.0.0.1:8545", apiUrl: null, deployment, devnetAccounts: [alice] }),
    );
    expect(config.deployment.staking).toBe(deployment.staking);
    expect(config.devnetAccounts).toEqual([alice]);
    expect((await loadRuntimeConfig(asUrl({ rpcUrl: "x", deployment }))).devnetAccounts).toEqual([]);
  });

  test("reads the oracle members' URLs; none when absent; refuses what is not an http(s) URL", async () => {
    const members = ["http://127.0.0.1:42070", "https://oracle.example/m2"];
    expect(
      (await loadRuntimeConfig(asUrl({ rpcUrl: "x", deployment, oracleUrls: members }))).oracleUrls,
    ).toEqual(members);
    expect((await loadRuntimeConfig(asUrl({ rpcUrl: "x", deployment }))).oracleUrls).toEqual([]);
    for (const oracleUrls of ["http://127.0.0.1:42070", ["ftp://x"], ["not a url"]])
      await expect(loadRuntimeConfig(asUrl({ rpcUrl: "x", deployment, oracleUrls }))).rejects.toThrow(
        "oracleUrls must be a list of http(s) URLs",
      );
  });

  test("refuses malformed accounts and a missing rpcUrl with a readable message", async () => {
    await expect(
      loadRuntimeConfig(asUrl({ rpcUrl: "x", deployment, devnetAccounts: [{ ...alice, key: "0x12" }] })),
    ).rejects.toThrow("devnetAccounts must be a list of { label, address, key }");
    await expect(loadRuntimeConfig(asUrl({ deployment }))).rejects.toThrow("has no rpcUrl");
  });
});
