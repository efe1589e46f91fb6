import { describe, expect, it } from "vitest";

import { MAX_BACKOFF_DOUBLINGS, retryDelayMs } from "../src/retry.ts";

describe("report retry backoff", () => {
  it("doubles from the base after each consecutive failure, capped at 32x", () => {
    const schedule = Array.from({ length: 9 }, (_, i) => retryDelayMs(i, 5000));
    expect(schedule).toEqual([0, 5000, 10_000, 20_000, 40_000, 80_000, 160_000, 160_000, 160_000]);
    expect(2 ** MAX_BACKOFF_DOUBLINGS).toBe(32);
  });

  it("scales with the base and never waits after no failure", () => {
    expect(retryDelayMs(3, 100)).toBe(400);
    expect(retryDelayMs(0, 100)).toBe(0);
    expect(retryDelayMs(-1, 100)).toBe(0);
  });
});
