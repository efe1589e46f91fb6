import { describe, expect, test } from "vitest";

import { yieldFromSettlements } from "./apy.js";
import { epochAt, epochEnd, unbondingStatus } from "./epoch.js";

describe("epochs and unbonding", () => {
  test("epoch boundaries", () => {
    expect(epochAt(99n, 100n, 10n)).toBe(0n);
    expect(epochAt(119n, 100n, 10n)).toBe(1n);
    expect(epochEnd(1n, 100n, 10n)).toBe(120n);
  });

  test("withdraw stops at the first entry not yet released, as the contract does", () => {
    const entries = [
      { amount: 1n, releaseAt: 10n },
      { amount: 2n, releaseAt: 30n },
      { amount: 4n, releaseAt: 20n },
    ];
    expect(unbondingStatus(entries, 25n)).toEqual({ withdrawable: 1n, pending: 6n, nextReleaseAt: 20n });
    expect(unbondingStatus(entries, 30n)).toEqual({
      withdrawable: 7n,
      pending: 0n,
      nextReleaseAt: undefined,
    });
  });
});

describe("yield", () => {
  test("net of commission, annualised per epoch length", () => {
    const week = 604_800n;
    // 9,000 pool share on an average stake of 400,000 over one week (the protocol doc's example).
    const settlement = {
      reward: 10_000n,
      commission: 1_000n,
      stakeSeconds: 400_000n * week,
    };
    const { apr, apy, epochs } = yieldFromSettlements([settlement], week);
    expect(epochs).toBe(1);
    expect(apr).toBeCloseTo((9_000 / 400_000) * (365 / 7), 10);
    expect(apy).toBeGreaterThan(apr);
    expect(yieldFromSettlements([], week)).toEqual({ apr: 0, apy: 0, epochs: 0 });
  });
});
