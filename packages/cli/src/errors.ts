// Exit codes scripts can rely on: 0 ok, 1 failed transaction or RPC error, 2 bad usage.
import {
  BaseError,
  ChainMismatchError,
  EmptyProposalError,
  GovernanceNotDeployedError,
  InvalidAmountError,
  InvalidDeploymentError,
  InvalidMetadataError,
  InvalidVoteSupportError,
  MissingAccountError,
  MissingScoreError,
  NonexistentProposalError,
  NoStakeToOverrideError,
  NothingToClaimError,
  NothingToWithdrawError,
  OracleNotDeployedError,
  ProposalBuildError,
  UnknownDeploymentError,
} from "@ankr-staking/sdk";

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** Bad input: nothing was sent. */
export class UsageError extends BaseError {
  override name = "UsageError";
}

/**
 * The message and exit code for anything a command threw. "Nothing to do" (no rewards to claim,
 * nothing released to withdraw) is bad usage like any refused input: exit 2, nothing sent.
 */
export function describeFailure(error: unknown): { message: string; code: number } {
  const usage = [
    UsageError,
    InvalidAmountError,
    InvalidDeploymentError,
    UnknownDeploymentError,
    ChainMismatchError,
    InvalidMetadataError,
    MissingAccountError,
    MissingScoreError,
    InvalidVoteSupportError,
    ProposalBuildError,
    EmptyProposalError,
    NonexistentProposalError,
    NoStakeToOverrideError,
    GovernanceNotDeployedError,
    OracleNotDeployedError,
    NothingToClaimError,
    NothingToWithdrawError,
  ];
  if (usage.some((Class) => error instanceof Class)) {
    return { message: (error as BaseError).shortMessage, code: EXIT_USAGE };
  }
  if (error instanceof BaseError) return { message: error.shortMessage, code: EXIT_FAILED };
  const message = error instanceof Error ? error.message : String(error);
  return { message: message.split("\n")[0] ?? message, code: EXIT_FAILED };
}
