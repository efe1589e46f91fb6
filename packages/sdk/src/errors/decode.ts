// Turns whatever a viem call threw into the SDK's typed errors.
import {
  ContractFunctionRevertedError,
  decodeErrorResult,
  type Hex,
  HttpRequestError,
  TimeoutError,
  UserRejectedRequestError,
  BaseError as ViemBaseError,
  InsufficientFundsError as ViemInsufficientFundsError,
} from "viem";

import type { AmountFormat } from "../amounts/amount.js";
import { BaseError } from "./base.js";
import { type ContractErrorName, createRevertError, revertAbi } from "./contract.js";
import { InsufficientFundsError, RpcError, RpcUnavailableError, WalletRejectedError } from "./rpc.js";

function findCause<T>(error: unknown, match: (e: unknown) => e is T): T | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 16; depth++) {
    if (match(current)) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

const is =
  <T>(Class: abstract new (...args: never[]) => T) =>
  (e: unknown): e is T =>
    e instanceof Class;

function revertData(error: unknown): Hex | undefined {
  const data = (error as { data?: unknown }).data;
  if (typeof data === "string" && data.startsWith("0x")) return data as Hex;
  if (typeof data === "object" && data && typeof (data as { data?: unknown }).data === "string") {
    return (data as { data: Hex }).data;
  }
  return undefined;
}

/**
 * The SDK error for `error`: a typed contract revert, an RPC or a wallet error. Errors the SDK does
 * not know are returned unchanged.
 *
 * @example
 * try { await client.delegate({ provider, amount }) } catch (e) { console.error(toStakingError(e).shortMessage) }
 */
export function toStakingError(error: unknown, format?: AmountFormat): unknown {
  if (error instanceof BaseError) return error;
  if (!(error instanceof ViemBaseError)) return error;

  const reverted = findCause(error, is(ContractFunctionRevertedError));
  if (reverted) {
    if (reverted.data?.errorName && reverted.data.errorName !== "Error") {
      return createRevertError(
        reverted.data.errorName as ContractErrorName,
        reverted.data.args ?? [],
        format,
        error,
      );
    }
    const raw = reverted.raw ?? revertData(reverted);
    if (raw && raw.length >= 10) {
      try {
        const decoded = decodeErrorResult({ abi: revertAbi, data: raw });
        return createRevertError(decoded.errorName, decoded.args ?? [], format, error);
      } catch {
        // Not one of ours: fall through to the generic message.
      }
    }
    return new RpcError(reverted.reason ?? reverted.shortMessage, { cause: error });
  }
  // A revert outside a contract call (a plain eth_call or estimate): decode its raw data.
  const withData = findCause(error, (e): e is object => (revertData(e)?.length ?? 0) >= 10);
  const data = withData ? revertData(withData) : undefined;
  if (data) {
    try {
      const decoded = decodeErrorResult({ abi: revertAbi, data });
      return createRevertError(decoded.errorName, decoded.args ?? [], format, error);
    } catch {
      // Not one of ours.
    }
  }
  if (findCause(error, is(UserRejectedRequestError))) return new WalletRejectedError({ cause: error });
  if (findCause(error, is(ViemInsufficientFundsError))) return new InsufficientFundsError({ cause: error });
  const http = findCause(error, is(HttpRequestError));
  if (http || findCause(error, is(TimeoutError))) {
    return new RpcUnavailableError(http?.url, { cause: error, details: error.shortMessage });
  }
  return new RpcError(error.shortMessage, { cause: error, details: error.details });
}
