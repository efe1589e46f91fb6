// Human amounts <-> token wei: the one place that parses "1,000.5" and prints "1,000.5 ANKR".
import { BaseError } from "../errors/base.js";

export type AmountFormat = {
  /** Token decimals (ANKR: 18). */
  decimals?: number;
  /** Appended after a space; omit for a bare number. */
  symbol?: string;
  /** Most fraction digits shown (rounded down, so a balance is never overstated). Default: all. */
  maxFractionDigits?: number;
};

export class InvalidAmountError extends BaseError {
  override name = "InvalidAmountError";
  constructor(input: string, reason: string) {
    super(`"${input}" is not a valid amount: ${reason}`);
  }
}

/**
 * Parses a human amount ("1000", "1,000.5", "1_000", "0.25 ANKR") into wei.
 *
 * @example
 * parseAmount("1,000.5") // 1000500000000000000000n
 */
export function parseAmount(input: string, { decimals = 18, symbol }: AmountFormat = {}): bigint {
  let text = input.trim();
  if (symbol && text.toLowerCase().endsWith(symbol.toLowerCase()))
    text = text.slice(0, -symbol.length).trim();
  if (text === "") throw new InvalidAmountError(input, "it is empty");
  if (text.startsWith("-")) throw new InvalidAmountError(input, "it is negative");
  if (!/^(\d{1,3}(,\d{3})*|\d+(_\d+)*)(\.\d*)?$|^\.\d+$/.test(text)) {
    throw new InvalidAmountError(
      input,
      "expected digits, optional thousands separators and one decimal point",
    );
  }
  const [whole = "", fraction = ""] = text.replace(/[,_]/g, "").split(".");
  if (fraction.length > decimals) {
    throw new InvalidAmountError(input, `it has more than ${decimals} decimal places`);
  }
  return BigInt(whole || "0") * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, "0") || "0");
}

/**
 * Formats wei as a human amount with thousands separators.
 *
 * @example
 * formatAmount(1000500000000000000000n, { symbol: "ANKR" }) // "1,000.5 ANKR"
 */
export function formatAmount(
  wei: bigint,
  { decimals = 18, symbol, maxFractionDigits = decimals }: AmountFormat = {},
): string {
  const negative = wei < 0n;
  const abs = negative ? -wei : wei;
  const unit = 10n ** BigInt(decimals);
  const whole = (abs / unit).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const fraction = (abs % unit)
    .toString()
    .padStart(decimals, "0")
    .slice(0, maxFractionDigits)
    .replace(/0+$/, "");
  const number = `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
  return symbol ? `${number} ${symbol}` : number;
}

/** Basis points as a percentage: 1250 -> "12.5%". */
export function formatBps(bps: bigint | number): string {
  const value = BigInt(bps);
  const fraction = (value % 100n).toString().padStart(2, "0").replace(/0+$/, "");
  return `${value / 100n}${fraction ? `.${fraction}` : ""}%`;
}

/** A percentage ("12.5", "12.5%") as basis points. */
export function parseBps(input: string): number {
  const text = input.trim().replace(/%$/, "");
  if (!/^\d+(\.\d{1,2})?$/.test(text)) throw new InvalidAmountError(input, "expected a percentage like 12.5");
  const [whole = "0", fraction = ""] = text.split(".");
  const bps = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  if (bps > 10_000) throw new InvalidAmountError(input, "a percentage is at most 100");
  return bps;
}
