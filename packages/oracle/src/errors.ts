// Error classes of the oracle service. They extend the SDK's BaseError (short message, details, as
// viem), as do the request layer's errors the oracle meets (`@ankr-staking/sdk/node`:
// AddressRefusedError, RequestFailedError, MalformedResponseError, MetadataError), so one
// `instanceof BaseError` covers both.
import { BaseError } from "@ankr-staking/sdk";

export { BaseError };

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

/** The member cannot start as configured (e.g. no account to sign its reports). */
export class SetupError extends BaseError {
  override name = "SetupError";
}
