// Which addresses a request may connect to: public unicast only, unless an allow-list names the
// range (the devnet allows loopback). Checked at connect time, on every resolved address.
import ipaddr from "ipaddr.js";

import { AddressRefusedError, InvalidAllowListError } from "../errors/net.js";

export interface AddressPolicy {
  /** CIDR ranges allowed although not public, e.g. "127.0.0.0/8" or "::1/128". */
  allow: readonly string[];
}

export const PUBLIC_ONLY: AddressPolicy = { allow: [] };

/**
 * The policy from a comma-separated list of CIDR ranges (an operator's opt-in, e.g. the devnet's
 * "127.0.0.0/8"); an empty list is {@link PUBLIC_ONLY}. Throws {@link InvalidAllowListError}.
 *
 * @example
 * parseAllowList(process.env.ORACLE_ALLOW ?? "") // { allow: ["127.0.0.0/8"] }
 */
export function parseAllowList(list: string): AddressPolicy {
  const allow = list
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const entry of allow) if (!ipaddr.isValidCIDR(entry)) throw new InvalidAllowListError(entry);
  return { allow };
}

/** ipaddr.js's range name for `address` ("unicast" means public). IPv4-mapped IPv6 counts as IPv4. */
export function rangeOf(address: string): string {
  return ipaddr.process(address).range();
}

function allowed(address: string, policy: AddressPolicy): boolean {
  const parsed = ipaddr.process(address);
  return policy.allow.some((cidr) => {
    const [range, bits] = ipaddr.parseCIDR(cidr);
    return range.kind() === parsed.kind() && parsed.match(range, bits);
  });
}

/** Throws {@link AddressRefusedError} unless `address` is public or allow-listed. */
export function checkAddress(host: string, address: string, policy: AddressPolicy): void {
  if (!ipaddr.isValid(address)) throw new AddressRefusedError(host, address, "not an IP address");
  const range = rangeOf(address);
  if (range !== "unicast" && !allowed(address, policy)) throw new AddressRefusedError(host, address, range);
}
