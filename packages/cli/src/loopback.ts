// Whether an RPC URL points at this machine: the one case where the chain id it reports may pick
// the deployment (a devnet, or the user's own node).
import { rangeOf } from "@ankr-staking/sdk/node";

/** True for http(s) URLs on localhost, 127.0.0.0/8 or ::1; false for anything else or no URL. */
export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^\[(.*)\]$/, "$1");
  } catch {
    return false;
  }
  if (host === "localhost") return true;
  try {
    return rangeOf(host) === "loopback";
  } catch {
    return false; // a host name other than localhost
  }
}
