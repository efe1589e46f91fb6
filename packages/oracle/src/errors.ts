// Error classes of the oracle service, one base class with a short message and details (as viem).

export type BaseErrorParameters = { details?: string | undefined; cause?: unknown };

export class BaseError extends Error {
  override name = "OracleError";
  readonly shortMessage: string;
  readonly details: string | undefined;

  constructor(shortMessage: string, { details, cause }: BaseErrorParameters = {}) {
    super(details ? `${shortMessage}\n\nDetails: ${details}` : shortMessage, { cause });
    this.shortMessage = shortMessage;
    this.details = details;
  }
}

/** An endpoint's host resolves to an address the policy refuses (private, loopback, link-local...). */
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

/** A request failed: timeout, oversize body, HTTP status, redirect, connection error. */
export class ProbeRequestError extends BaseError {
  override name = "ProbeRequestError";
  constructor(
    readonly reason: "timeout" | "too-large" | "status" | "redirect" | "network" | "protocol",
    message: string,
  ) {
    super(message);
  }
}

/** An endpoint answered but serves another chain. */
export class WrongChainError extends BaseError {
  override name = "WrongChainError";
  constructor(
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`Wrong chain: expected ${expected}, got ${actual}`);
  }
}

/** An endpoint's answer does not have the expected shape. */
export class MalformedResponseError extends BaseError {
  override name = "MalformedResponseError";
}

/** A provider's metadata document could not be read or did not validate. */
export class MetadataError extends BaseError {
  override name = "MetadataError";
}

/** The member cannot start as configured (e.g. no account to sign its reports). */
export class SetupError extends BaseError {
  override name = "SetupError";
}
