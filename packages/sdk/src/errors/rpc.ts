// Errors that come from the node or the wallet rather than from the contracts.
import type { Hash } from "viem";

import { BaseError, type BaseErrorParameters } from "./base.js";

/** The RPC endpoint could not be reached or did not answer in time. */
export class RpcUnavailableError extends BaseError {
  override name = "RpcUnavailableError";
  constructor(url: string | undefined, parameters?: BaseErrorParameters) {
    super(`the RPC endpoint${url ? ` ${url}` : ""} is not reachable`, parameters);
  }
}

/** The RPC endpoint answered with an error that is not a contract revert. */
export class RpcError extends BaseError {
  override name = "RpcError";
  constructor(message: string, parameters?: BaseErrorParameters) {
    super(`the RPC endpoint failed: ${message}`, parameters);
  }
}

/** A write was asked for without an account to sign with. */
export class MissingAccountError extends BaseError {
  override name = "MissingAccountError";
  constructor() {
    super("no account to sign with: pass `account` to createStakingClient");
  }
}

/** The wallet (or its user) refused to sign. */
export class WalletRejectedError extends BaseError {
  override name = "WalletRejectedError";
  constructor(parameters?: BaseErrorParameters) {
    super("the wallet rejected the request", parameters);
  }
}

/** The account cannot pay for gas. */
export class InsufficientFundsError extends BaseError {
  override name = "InsufficientFundsError";
  constructor(parameters?: BaseErrorParameters) {
    super("the account has not enough ETH to pay for gas", parameters);
  }
}

/** A mined transaction reverted (the simulation passed, the chain moved meanwhile). */
export class TransactionRevertedError extends BaseError {
  override name = "TransactionRevertedError";
  readonly hash: Hash;
  constructor(hash: Hash, reason: string | undefined, parameters?: BaseErrorParameters) {
    super(`transaction ${hash} reverted${reason ? `: ${reason}` : ""}`, parameters);
    this.hash = hash;
  }
}

/** The chain behind the RPC URL is not the deployment's chain. */
export class ChainMismatchError extends BaseError {
  override name = "ChainMismatchError";
  constructor(expected: number, actual: number) {
    super(`the RPC endpoint serves chain ${actual}, but the deployment is for chain ${expected}`);
  }
}
