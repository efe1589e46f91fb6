import fc from "fast-check";
import { describe, expect, test } from "vitest";

import { formatAmount, formatBps, InvalidAmountError, parseAmount, parseBps } from "./amount.js";

describe("parseAmount", () => {
  test("accepts separators, fractions and the symbol", () => {
    expect(parseAmount("1,000.5")).toBe(1000500000000000000000n);
    expect(parseAmount("1_000")).toBe(1000n * 10n ** 18n);
    expect(parseAmount(".25 ANKR", { symbol: "ANKR" })).toBe(25n * 10n ** 16n);
    expect(parseAmount("1", { decimals: 6 })).toBe(1_000_000n);
  });

  test.each(["", "-1", "1.2.3", "abc", "1,00", "0x10", "1e18", "1.0000000000000000001"])(
    "rejects %j",
    (input) => {
      expect(() => parseAmount(input)).toThrow(InvalidAmountError);
    },
  );

  test("round-trips with formatAmount", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 96n }), (wei) => {
        expect(parseAmount(formatAmount(wei))).toBe(wei);
      }),
    );
  });
});

describe("formatAmount", () => {
  test("groups thousands and trims zeros", () => {
    expect(formatAmount(1000500000000000000000n, { symbol: "ANKR" })).toBe("1,000.5 ANKR");
    expect(formatAmount(0n)).toBe("0");
    expect(formatAmount(1234567n * 10n ** 18n)).toBe("1,234,567");
    expect(formatAmount(1n)).toBe("0.000000000000000001");
    expect(formatAmount(1999n * 10n ** 15n, { maxFractionDigits: 2 })).toBe("1.99");
  });
});

describe("basis points", () => {
  test("format and parse", () => {
    expect(formatBps(1250)).toBe("12.5%");
    expect(formatBps(3000n)).toBe("30%");
    expect(parseBps("12.5%")).toBe(1250);
    expect(() => parseBps("101")).toThrow(InvalidAmountError);
    expect(() => parseBps("1.234")).toThrow(InvalidAmountError);
  });
});
