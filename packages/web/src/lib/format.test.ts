import { parseAmount } from "@ankr-staking/sdk";
import { describe, expect, test } from "vitest";

import { ankr, duration, percent, relative } from "./format.ts";

describe("format", () => {
  test("amounts: two decimals from 1 ANKR, four below, dust marked", () => {
    expect(ankr(parseAmount("1234567.891"))).toBe("1,234,567.89 ANKR");
    expect(ankr(parseAmount("0.123456"))).toBe("0.1234 ANKR");
    expect(ankr(1n)).toBe("<0.0001 ANKR");
    expect(ankr(0n)).toBe("0 ANKR");
    expect(ankr(parseAmount("5"), { symbol: false })).toBe("5");
  });
  test("percentages and times", () => {
    expect(percent(0.12345)).toBe("12.35%");
    expect(relative(1000 + 14 * 86_400, 1000)).toBe("in 14 days");
    expect(relative(1000, 1000 + 3 * 3600)).toBe("3 h ago");
    expect(relative(1000 + 300, 1000)).toBe("in 5 min");
    expect(duration(1_209_600)).toBe("14 days");
  });
});
