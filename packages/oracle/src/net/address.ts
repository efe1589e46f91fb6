// Which addresses an endpoint may resolve to: public unicast only, unless an allow-list names the
// range (the devnet allows loopback). Checked at connect time, on every resolved address.
import ipaddr from "ipaddr.js";

import { AddressRefusedError } from "../errors.ts";

export interface AddressPolicy {
  /** CIDR ranges allowed although not public, e.g. "127.0.0.0/8" or "::1/128". */
  allow: readonly string[];
}

export const PUBLIC_ONLY: AddressPolicy = { allow: [] };

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
