import { CHAINS, chainRegistry } from "@ankr-staking/sdk";
import { describe, expect, it } from "vitest";
import { PROBES } from "../src/probes/families.ts";

describe("chain registry", () => {
  it("holds at least 18 chains with unique ids, each with a probe", () => {
    expect(CHAINS.length).toBeGreaterThanOrEqual(18);
    expect(new Set(CHAINS.map((c) => c.id)).size).toBe(CHAINS.length);
    for (const c of CHAINS) {
      expect(PROBES[c.family]).toBeTypeOf("function");
      expect(c.maxLag).toBeGreaterThan(0);
      expect(c.identity.length).toBeGreaterThan(0);
    }
  });

  it("covers the families and chains Ankr serves", () => {
    const ids = new Set(CHAINS.map((c) => c.id));
    for (const id of [
      "ethereum",
      "bsc",
      "polygon",
      "avalanche",
      "arbitrum",
      "optimism",
      "base",
      "fantom",
      "gnosis",
      "celo",
      "moonbeam",
      "zksync-era",
      "linea",
      "solana",
      "near",
      "polkadot",
      "kusama",
      "bitcoin",
      "tron",
      "aptos",
      "sui",
      "cosmoshub",
      "starknet",
    ]) {
      expect(ids.has(id), id).toBe(true);
    }
    expect(CHAINS.find((c) => c.id === "ethereum")?.identity).toBe("0x1");
    expect(CHAINS.find((c) => c.id === "bsc")?.identity).toBe("0x38");
  });

  it("adds or replaces entries by id", () => {
    const r = chainRegistry([{ id: "devnet", name: "Devnet", family: "evm", identity: "0x7a69", maxLag: 3 }]);
    expect(r.get("devnet")?.identity).toBe("0x7a69");
    expect(r.size).toBe(CHAINS.length + 1);
  });
});
