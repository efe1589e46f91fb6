// How values leave the API: wei as decimal strings, checksummed addresses, times as ISO-8601 and unix.
import { type Address, getAddress, isAddress } from "viem";

import { InvalidParameterError } from "./errors.ts";

export const wei = (value: bigint) => value.toString();

export const checksum = (value: string): Address => getAddress(value);

export type Time = { unix: number; iso: string };
export const time = (unix: bigint | number): Time => {
  const seconds = Number(unix);
  return { unix: seconds, iso: new Date(seconds * 1000).toISOString() };
};
export const optionalTime = (unix: bigint | number | null | undefined): Time | null =>
  unix === null || unix === undefined ? null : time(unix);

/** A path or query address, lower-cased as the tables store it; 400 when malformed. */
export function parseAddress(value: string, parameter = "address"): Address {
  if (!isAddress(value, { strict: false }))
    throw new InvalidParameterError(parameter, `${JSON.stringify(value.slice(0, 64))} is not an address`);
  return value.toLowerCase() as Address;
}
