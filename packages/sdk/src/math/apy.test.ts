import { describe, expect, test } from "vitest";

import { projectYearlyRewardsDown, yieldFromSettlements } from "./apy.js";

const ANKR = 10n ** 18n;

describe("projectYearlyRewardsDown", () => {
  test("amount x apr, rounded down; nothing for no rate or no amount", () => {
    expect(projectYearlyRewardsDown(5000n * ANKR, 0.12)).toBe(600n * ANKR);
    expect(projectYearlyRewardsDown(3n, 0.5)).toBe(1n);
    expect(projectYearlyRewardsDown(5000n * ANKR, 0)).toBe(0n);
    expect(projectYearlyRewardsDown(5000n * ANKR, Number.NaN)).toBe(0n);
    expect(projectYearlyRewardsDown(0n, 0.12)).toBe(0n);
  });

  test("projects a settled yield's apr", () => {
    const week = 604_800n;
    // 100 on 100,000 for a week: 0.1% a week, x 52.14 a year.
    const { apr } = yieldFromSettlements(
      [{ reward: 100n * ANKR, commission: 0n, stakeSeconds: 100_000n * ANKR * week }],
      week,
    );
    const projected = projectYearlyRewardsDown(100_000n * ANKR, apr);
    expect(projected).toBeLessThanOrEqual((100_000n * ANKR * 52_142_857_143n) / 1_000_000_000_000n);
    expect(projected).toBeGreaterThan(5214n * ANKR);
  });
});
