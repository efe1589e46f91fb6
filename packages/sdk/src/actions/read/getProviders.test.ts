import { describe, expect, test } from "vitest";

import { A, B, deployment, reader, seed } from "../../../test/fixtures.js";
import { decodeMetadataURI } from "../../metadata/metadata.js";
import { ProviderStatus } from "../../types.js";

describe("reads", () => {
  test("getProviders lists the seeded providers, largest stake first, then by commission", async () => {
    const providers = await reader.getProviders();
    expect(providers.map((p) => p.address).sort()).toEqual([A, B].sort());
    for (const p of providers) {
      expect(p.status).toBe(ProviderStatus.Active);
      expect(p.statusName).toBe("Active");
      expect(p.selfStake).toBe(seed.selfStake);
      expect(p.delegatedStake).toBe(0n);
    }
    const byCommission = await reader.getProviders({ sortBy: "commission" });
    expect(byCommission.map((p) => p.address)).toEqual([B, A]);
    expect(decodeMetadataURI(byCommission[1]?.metadataURI ?? "")?.name).toBe("Acme RPC");
  });

  test("getProvider of an unknown address has status None", async () => {
    const p = await reader.getProvider({ provider: deployment.token });
    expect(p.status).toBe(ProviderStatus.None);
  });

  test("getParameters, getEpoch and getTotals read the launch state", async () => {
    const params = await reader.getParameters();
    expect(params.minDelegation).toBe(1000n * 10n ** 18n);
    expect(params.maxCommissionBps).toBe(3000);
    const epoch = await reader.getEpoch();
    expect(epoch.epochLength).toBe(604_800n);
    expect(epoch.nextEpochToSettle).toBe(0n);
    expect(epoch.currentEndsAt).toBe(epoch.genesis + (epoch.current + 1n) * epoch.epochLength);
    const totals = await reader.getTotals();
    expect(totals.totalStaked).toBe(2n * seed.selfStake);
    expect(totals.globalCap).toBe(0n);
    expect(totals.vaultBalance).toBe(seed.vault);
  });
});
