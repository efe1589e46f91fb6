// Errors of the bounded request layer (src/net): what a hostile or broken endpoint can cause.
import { BaseError } from "./base.js";

/** Thrown when a host is or resolves to an address the policy refuses (private, loopback, link-local...). */
export class AddressRefusedError extends BaseError {
  override name = "AddressRefusedError";
  constructor(
    readonly host: string,
    readonly address: string,
    readonly range: string,
  ) {
    super(`Refused ${host}: ${address} is ${range}`);
  }
}

/** Thrown when an address allow-list entry is not a CIDR range. */
export class InvalidAllowListError extends BaseError {
  override name = "InvalidAllowListError";
  constructor(readonly entry: string) {
    super(`${JSON.stringify(entry)} is not a CIDR range such as 127.0.0.0/8 or ::1/128`);
  }
}

/** Thrown when a request fails: timeout, oversize body, HTTP status, redirect, connection error. */
export class RequestFailedError extends BaseError {
  override name = "RequestFailedError";
  constructor(
    readonly reason: "timeout" | "too-large" | "status" | "redirect" | "network" | "protocol",
    message: string,
  ) {
    super(message);
  }
}

/** Thrown when an answer does not have the expected shape (not JSON, a field missing...). */
export class MalformedResponseError extends BaseError {
  override name = "MalformedResponseError";
}

/** Thrown when a provider's metadata document cannot be read or does not validate. */
export class MetadataError extends BaseError {
  override name = "MetadataError";
}
