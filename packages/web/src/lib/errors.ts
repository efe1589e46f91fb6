// Any error from a wallet, the RPC or the contracts, as one sentence a person can act on. The SDK
// decodes reverts into typed errors with readable messages; wallet and network failures are named
// here in plain words.
import {
  BaseError,
  InsufficientFundsError,
  RpcUnavailableError,
  toStakingError,
  WalletRejectedError,
} from "@ankr-staking/sdk";
import { UserRejectedRequestError, BaseError as ViemBaseError } from "viem";

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function plainError(error: unknown): string {
  const decoded = toStakingError(error);
  const chain = (e: unknown): unknown[] => {
    const out: unknown[] = [];
    for (let x = e; x; x = (x as { cause?: unknown }).cause) out.push(x);
    return out;
  };
  const all = chain(decoded);
  if (
    all.some(
      (e) =>
        e instanceof WalletRejectedError ||
        e instanceof UserRejectedRequestError ||
        (e as { code?: unknown })?.code === 4001,
    )
  )
    return "You rejected the request in your wallet. Nothing was sent.";
  if (all.some((e) => e instanceof InsufficientFundsError))
    return "Your account has not enough ETH to pay for gas.";
  if (
    all.some(
      (e) =>
        e instanceof RpcUnavailableError ||
        (e instanceof Error && /fetch|network|ECONNREFUSED|HTTP request failed/i.test(e.message)),
    )
  )
    return "The network is not reachable (the RPC endpoint did not answer). Check your connection and try again.";
  if (decoded instanceof BaseError) return `${capitalise(decoded.shortMessage)}.`;
  if (decoded instanceof ViemBaseError) return decoded.shortMessage;
  if (decoded instanceof Error) return decoded.message;
  return String(decoded);
}
