// Numbers and dates for people. Amounts go through the SDK's formatter (rounded down, never
// overstated); only the number of decimals shown is chosen here.
import { chainRegistry, formatAmount, formatBps } from "@ankr-staking/sdk";

const chains = chainRegistry();

/** A chain's registry name ("Ethereum"), or its id when the registry does not know it. */
export const chainName = (id: string): string => chains.get(id)?.name ?? id;

/** "1,234.56 ANKR": two decimals from 1 up, four below, "<0.0001 ANKR" for dust. */
export function ankr(wei: bigint, { symbol = true }: { symbol?: boolean } = {}): string {
  const unit = 10n ** 18n;
  const abs = wei < 0n ? -wei : wei;
  if (abs > 0n && abs < unit / 10_000n) return symbol ? "<0.0001 ANKR" : "<0.0001";
  const digits = abs >= unit ? 2 : 4;
  return formatAmount(wei, { maxFractionDigits: digits, ...(symbol ? { symbol: "ANKR" } : {}) });
}

/** A fraction as a percentage: 0.1234 -> "12.34%". */
export function percent(fraction: number): string {
  return `${(fraction * 100).toLocaleString("en-US", { maximumFractionDigits: 2 })}%`;
}

export const bps = (value: bigint | number) => formatBps(value);

export function shortAddress(address: string): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}

/** Absolute date and time in the reader's locale, from unix seconds. */
export function dateTime(seconds: bigint | number): string {
  return new Date(Number(seconds) * 1000).toLocaleString("en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
  });
}

/** "in 13 days 4 h", "in 5 min", "3 h ago", "now". */
export function relative(seconds: bigint | number, now: bigint | number): string {
  const delta = Number(seconds) - Number(now);
  const abs = Math.abs(delta);
  if (abs < 30) return "now";
  const parts: string[] = [];
  const d = Math.floor(abs / 86_400);
  const h = Math.floor((abs % 86_400) / 3600);
  const m = Math.floor((abs % 3600) / 60);
  if (d) parts.push(`${d} day${d === 1 ? "" : "s"}`);
  if (h && d < 10) parts.push(`${h} h`);
  if (!d && m) parts.push(`${m} min`);
  if (!parts.length) parts.push(`${Math.floor(abs)} s`);
  const text = parts.join(" ");
  return delta > 0 ? `in ${text}` : `${text} ago`;
}

/** A period in seconds as words: 1209600 -> "14 days". */
export function duration(seconds: bigint | number): string {
  return relative(Number(seconds), 0).replace(/^in /, "");
}
