// Every custom error the protocol's contracts (and its token) can revert with, decoded into a
// typed class whose message a person can read: "amount 500 ANKR is below the 1,000 ANKR minimum".
import type { AbiParametersToPrimitiveTypes, ExtractAbiError, ExtractAbiErrorNames } from "abitype";
import { type Hex, hexToString, keccak256, toHex } from "viem";

import { type ProtocolAbiItem, protocolAbi } from "../abis/protocol.js";
import { type AmountFormat, formatAmount, formatBps } from "../amounts/amount.js";
import { providerStatusNames } from "../types.js";
import { BaseError } from "./base.js";

/** Every error ABI entry a protocol transaction can surface. */
export const revertAbi = protocolAbi.filter((item) => item.type === "error") as unknown as RevertAbi;
type RevertAbi = readonly Extract<ProtocolAbiItem, { type: "error" }>[];

export type ContractErrorName = ExtractAbiErrorNames<RevertAbi>;
export type ContractErrorArgs<name extends ContractErrorName> = AbiParametersToPrimitiveTypes<
  ExtractAbiError<RevertAbi, name>["inputs"]
>;

type Describe = { [name in ContractErrorName]: (args: ContractErrorArgs<name>, f: Formatter) => string };
type Formatter = {
  amount(wei: bigint): string;
  time(seconds: bigint): string;
  duration(seconds: bigint): string;
};

/** The Governor's proposal states, by their index in OpenZeppelin's `ProposalState`. */
export const proposalStateNames = [
  "Pending",
  "Active",
  "Canceled",
  "Defeated",
  "Succeeded",
  "Queued",
  "Expired",
  "Executed",
] as const;
export type ProposalStateName = (typeof proposalStateNames)[number];

function expectedStates(bitmap: Hex): string {
  const bits = BigInt(bitmap);
  const names = proposalStateNames.filter((_, i) => (bits >> BigInt(i)) & 1n);
  return names.length === 0 ? "in another state" : names.join(" or ");
}

function formatDuration(seconds: bigint): string {
  const s = Number(seconds);
  if (s >= 86_400 && s % 3600 === 0) return `${+(s / 86_400).toFixed(2)} days`;
  if (s >= 3600) return `${+(s / 3600).toFixed(2)} hours`;
  return `${s} s`;
}

const status = (code: number) => providerStatusNames[code] ?? `status ${code}`;
/** The staking contract's roles (AccessControl; a role's id is keccak256 of its name). */
export const STAKING_ROLES = [
  "GOVERNANCE_ROLE",
  "SETTLER_ROLE",
  "PAUSER_ROLE",
  "UPGRADER_ROLE",
  "SNAPSHOT_ROLE",
] as const;
const roles = Object.fromEntries(
  [...STAKING_ROLES, "PROPOSER_ROLE", "EXECUTOR_ROLE", "CANCELLER_ROLE"].map((role) => [
    keccak256(toHex(role)),
    role,
  ]),
) as Record<Hex, string>;

const describe: Describe = {
  StakingZeroAmount: () => "the amount must be greater than zero",
  StakingAmountTooLarge: ([amount], f) => `amount ${f.amount(amount)} is larger than the protocol can hold`,
  StakingZeroAddress: () => "the zero address is not a valid account or provider",
  StakingBelowMinDelegation: ([amount, min], f) =>
    `amount ${f.amount(amount)} is below the ${f.amount(min)} minimum delegation (what remains must be 0 or at least the minimum)`,
  StakingBelowMinSelfStake: ([amount, min], f) =>
    `self-stake ${f.amount(amount)} is below the ${f.amount(min)} minimum`,
  StakingInsufficientStake: ([requested, available], f) =>
    `cannot remove ${f.amount(requested)}: only ${f.amount(available)} is staked there`,
  StakingProviderCapacityExceeded: ([provider, requested, available], f) =>
    `provider ${provider} has room for ${f.amount(available)}, not ${f.amount(requested)}`,
  StakingGlobalCapExceeded: ([requested, available], f) =>
    `the pool cap has room for ${f.amount(available)}, not ${f.amount(requested)}`,
  StakingUnknownProvider: ([provider]) => `${provider} is not a registered provider`,
  StakingProviderNotActive: ([provider, code]) => `provider ${provider} is ${status(code)}, not Active`,
  StakingInvalidProviderStatus: ([provider, code]) =>
    `provider ${provider} is ${status(code)}, which does not allow this operation`,
  StakingProviderAlreadyRegistered: ([provider]) => `${provider} is already registered as a provider`,
  StakingCommissionTooHigh: ([bps, max]) =>
    `commission ${formatBps(bps)} exceeds the ${formatBps(max)} maximum`,
  StakingNothingToWithdraw: () => "nothing has finished unbonding yet",
  StakingNothingToClaim: () => "there are no rewards to claim",
  StakingSelfStakeNotMovable: () => "a provider's self-stake cannot be redelegated (and not to its own pool)",
  StakingSameProvider: () => "redelegation needs two different providers",
  StakingEpochNotSettleable: ([epoch, next, endsAt], f) =>
    `epoch ${epoch} cannot be settled: the next epoch to settle is ${next}, ending ${f.time(endsAt)}`,
  StakingInvalidSettlementSet: () =>
    "the providers must be exactly the scored set, in increasing address order, with one score each",
  StakingScoreTooHigh: ([bps]) => `score ${formatBps(bps)} exceeds 100%`,
  StakingJailCooldown: ([at], f) => `the jail cooldown ends ${f.time(at)}`,
  StakingScoreBelowThreshold: ([score, threshold]) =>
    `score ${formatBps(score)} is below the ${formatBps(threshold)} threshold`,
  StakingSlashTooLarge: ([amount, max], f) =>
    `slash ${f.amount(amount)} exceeds the ${f.amount(max)} maximum`,
  StakingInvalidParameter: ([name, value]) => `parameter ${bytes32ToText(name)} cannot be ${value}`,
  StakingPermitExpired: ([deadline], f) => `the permit expired ${f.time(deadline)}`,
  AccessControlUnauthorizedAccount: ([account, role]) =>
    `${account} lacks ${roles[role] ?? role}, which this operation needs`,
  AccessControlBadConfirmation: () => "role renunciation must be confirmed by the account itself",
  EnforcedPause: () => "the protocol is paused: new stake is stopped (exits still work)",
  ExpectedPause: () => "the protocol is not paused",
  ReentrancyGuardReentrantCall: () => "reentrant call",
  SafeERC20FailedOperation: ([token]) => `token transfer failed (${token})`,
  AddressEmptyCode: ([target]) => `no contract at ${target}`,
  ERC1967InvalidImplementation: ([impl]) => `${impl} is not a valid implementation`,
  ERC1967NonPayable: () => "this call does not take ETH",
  FailedCall: () => "a low-level call failed",
  InvalidInitialization: () => "the contract is already initialized",
  NotInitializing: () => "the contract is not initializing",
  UUPSUnauthorizedCallContext: () => "upgrade called in the wrong context",
  UUPSUnsupportedProxiableUUID: ([slot]) => `unsupported proxiable UUID ${slot}`,
  RewardVaultOnlyStaking: ([caller]) => `${caller} is not the staking contract`,
  RewardVaultZeroAmount: () => "the amount must be greater than zero",
  RewardVaultZeroAddress: () => "the zero address is not allowed",
  ERC20InsufficientAllowance: ([spender, allowance, needed], f) =>
    `allowance for ${spender} is ${f.amount(allowance)}, ${f.amount(needed)} is needed (approve first)`,
  ERC20InsufficientBalance: ([sender, balance, needed], f) =>
    `balance of ${sender} is ${f.amount(balance)}, ${f.amount(needed)} is needed`,
  ERC20InvalidApprover: ([a]) => `invalid approver ${a}`,
  ERC20InvalidReceiver: ([a]) => `invalid receiver ${a}`,
  ERC20InvalidSender: ([a]) => `invalid sender ${a}`,
  ERC20InvalidSpender: ([a]) => `invalid spender ${a}`,
  ERC2612ExpiredSignature: ([deadline], f) => `the permit signature expired ${f.time(deadline)}`,
  ERC2612InvalidSigner: ([signer, owner]) => `the permit was signed by ${signer}, not by the owner ${owner}`,
  InvalidAccountNonce: ([account, nonce]) => `wrong nonce for ${account} (current: ${nonce})`,
  ECDSAInvalidSignature: () => "invalid signature",
  ECDSAInvalidSignatureLength: ([length]) => `invalid signature length ${length}`,
  ECDSAInvalidSignatureS: () => "invalid signature s value",
  InvalidShortString: () => "invalid short string",
  StakingFutureLookup: ([t, clock], f) =>
    `voting power at ${f.time(t)} is not known yet (it is ${f.time(clock)} now)`,
  StakingNotASnapshot: ([t], f) =>
    `${f.time(t)} is not a governance snapshot; past votes are kept only at those`,
  StakingRewardsNotCarried: ([owed, stake], f) =>
    `a stake of ${f.amount(stake)} cannot carry ${f.amount(owed)} of unclaimed rewards: claim first`,
  StakingUpgradeNotAnnounced: ([implementation]) =>
    `implementation ${implementation} was not announced: governance announces every upgrade on chain first (announceUpgrade)`,
  StakingUpgradeTooEarly: ([implementation, readyAt], f) =>
    `the upgrade to ${implementation} may run from ${f.time(readyAt)}: more than the longest unbonding period after its announcement`,
  StakingTimeOverflow: ([time]) => `time ${time} does not fit the protocol's 32-bit timestamps (after 2106)`,
  StakingSnapshotInPast: ([t], f) => `snapshot ${f.time(t)} is in the past`,
  StakingSnapshotOutOfOrder: ([t, newest], f) =>
    `snapshot ${f.time(t)} is before the newest registered snapshot ${f.time(newest)}`,
  StakingTooManyPendingSnapshots: () => "too many governance snapshots are pending; wait for the next one",
  StakingTooManySnapshots: () => "the snapshot counter is full",
  StakingTooManyProviders: ([max]) =>
    `the protocol already holds ${max} providers whose pools may still change; a registration waits until one exits`,
  GovernorAlreadyCastVote: ([voter]) => `${voter} has already voted on this proposal`,
  GovernorAlreadyOverridden: ([delegator, provider]) =>
    `${delegator} has already overridden ${provider}'s vote on this proposal`,
  GovernorAlreadyQueuedProposal: ([id]) => `proposal ${id} is already queued`,
  GovernorDisabledDeposit: () => "the Governor does not take ETH",
  GovernorInsufficientProposerVotes: ([proposer, votes, threshold], f) =>
    `${proposer} has ${f.amount(votes)} of votes; proposing needs ${f.amount(threshold)}`,
  GovernorInvalidProposalLength: ([targets, calldatas, values]) =>
    `a proposal needs as many targets, calldatas and values (got ${targets}, ${calldatas}, ${values}) and at least one`,
  GovernorInvalidQuorumFraction: ([n, d]) => `quorum ${n}/${d} is not a valid fraction`,
  GovernorInvalidSignature: ([voter]) => `the vote signature is not ${voter}'s`,
  GovernorInvalidVoteParams: () => "this Governor takes no vote parameters",
  GovernorInvalidVoteType: () => "the vote must be against (0), for (1) or abstain (2)",
  GovernorInvalidVotingPeriod: ([period]) => `voting period ${period} is not valid`,
  GovernorNonexistentProposal: ([id]) => `there is no proposal ${id}`,
  GovernorNothingToOverride: ([delegator, provider]) =>
    `${delegator} had no stake at ${provider} at the proposal's snapshot, so there is nothing to override`,
  GovernorOnlyExecutor: ([account]) => `${account} is not the Governor's executor (the timelock)`,
  GovernorProposalQueueingFailed: ([id]) => `proposal ${id} could not be queued`,
  GovernorProposalQueueingNotRequired: ([id]) => `proposal ${id} does not need queuing`,
  GovernorRestrictedProposer: ([proposer]) => `${proposer} may not make this proposal`,
  GovernorSelfOverride: ([provider]) =>
    `${provider} is a provider: it votes its whole pool with castVote, not with an override`,
  GovernorUnableToCancel: ([id, account]) => `${account} cannot cancel proposal ${id}`,
  GovernorUnexpectedProposalState: ([id, current, expected]) =>
    `proposal ${id} is ${proposalStateNames[current] ?? `state ${current}`}; this needs it ${expectedStates(expected)}`,
  CheckpointUnorderedInsertion: () => "checkpoints must be written in order",
  ERC6372InconsistentClock: () => "the voting clock is inconsistent",
  SafeCastOverflowedUintDowncast: ([bits, value]) => `${value} does not fit in ${bits} bits`,
  TimelockInsufficientDelay: ([delay, min], f) =>
    `a delay of ${f.duration(delay)} is below the timelock's ${f.duration(min)} minimum`,
  TimelockInvalidOperationLength: ([targets, payloads, values]) =>
    `an operation needs as many targets, payloads and values (got ${targets}, ${payloads}, ${values})`,
  TimelockUnauthorizedCaller: ([caller]) => `${caller} may not call the timelock directly`,
  TimelockUnexecutedPredecessor: ([id]) => `timelock operation ${id} must be executed first`,
  TimelockUnexpectedOperationState: ([id]) =>
    `timelock operation ${id} is not in the state this needs (not scheduled, not ready yet, or already done)`,
  OracleAlreadyMember: ([account]) => `${account} is already an oracle committee member`,
  OracleAlreadyReported: ([epoch, , member]) => `${member} has already reported on epoch ${epoch}`,
  OracleEpochNotEnded: ([epoch, current]) => `epoch ${epoch} has not ended (the current epoch is ${current})`,
  OracleEpochNotNext: ([epoch, next]) => `epoch ${epoch} is not the next to settle (${next} is)`,
  OracleInvalidQuorum: ([quorum, members]) => `quorum ${quorum} is not valid for ${members} members`,
  OracleInvalidReport: () => "the report does not match the scored providers",
  OracleNotMember: ([account]) => `${account} is not an oracle committee member`,
  OracleQuorumNotReached: ([valid, quorum]) =>
    `only ${valid} of the ${quorum} reports the quorum needs are in (reports count when current members sent the same provider list)`,
  OracleScoreTooHigh: ([index, bps]) => `score ${formatBps(bps)} at position ${index} exceeds 100%`,
  OracleTooManyMembers: ([max]) => `the committee holds at most ${max} members`,
  OracleZeroAddress: () => "the zero address cannot be a member",
  OwnableInvalidOwner: ([owner]) => `${owner} cannot own the committee`,
  OwnableUnauthorizedAccount: ([account]) => `${account} is not the committee's owner (the timelock)`,
  StringTooLong: ([str]) => `string too long: ${str}`,
};

function bytes32ToText(value: Hex): string {
  const text = hexToString(value).replace(/\0+$/, "");
  return /^[\x20-\x7e]+$/.test(text) ? text : value;
}

/** A transaction or call reverted with one of the protocol's custom errors. */
export class ContractRevertError<name extends ContractErrorName = ContractErrorName> extends BaseError {
  override name: string = "ContractRevertError";
  readonly errorName: name;
  readonly args: ContractErrorArgs<name>;

  constructor(errorName: name, args: ContractErrorArgs<name>, format: AmountFormat = {}, cause?: unknown) {
    const f: Formatter = {
      amount: (wei) => formatAmount(wei, { symbol: "ANKR", ...format }),
      time: (seconds) => new Date(Number(seconds) * 1000).toISOString(),
      duration: formatDuration,
    };
    super((describe[errorName] as (args: ContractErrorArgs<name>, f: Formatter) => string)(args, f), {
      details: `${errorName}(${(args as readonly unknown[]).map(String).join(", ")})`,
      cause,
    });
    this.errorName = errorName;
    this.args = args;
  }
}

/*
 * One class per error a user meets, so callers can `instanceof` them: every error the protocol
 * itself declares (contracts/src; errors.test.ts checks it) and the library errors a user hits.
 */
export class ZeroAmountError extends ContractRevertError<"StakingZeroAmount"> {}
export class AmountTooLargeError extends ContractRevertError<"StakingAmountTooLarge"> {}
export class ZeroAddressError extends ContractRevertError<"StakingZeroAddress"> {}
export class BelowMinDelegationError extends ContractRevertError<"StakingBelowMinDelegation"> {}
export class BelowMinSelfStakeError extends ContractRevertError<"StakingBelowMinSelfStake"> {}
export class InsufficientStakeError extends ContractRevertError<"StakingInsufficientStake"> {}
export class ProviderCapacityExceededError extends ContractRevertError<"StakingProviderCapacityExceeded"> {}
export class GlobalCapExceededError extends ContractRevertError<"StakingGlobalCapExceeded"> {}
export class UnknownProviderError extends ContractRevertError<"StakingUnknownProvider"> {}
export class ProviderNotActiveError extends ContractRevertError<"StakingProviderNotActive"> {}
export class InvalidProviderStatusError extends ContractRevertError<"StakingInvalidProviderStatus"> {}
export class ProviderAlreadyRegisteredError extends ContractRevertError<"StakingProviderAlreadyRegistered"> {}
export class CommissionTooHighError extends ContractRevertError<"StakingCommissionTooHigh"> {}
export class NothingToWithdrawError extends ContractRevertError<"StakingNothingToWithdraw"> {}
export class NothingToClaimError extends ContractRevertError<"StakingNothingToClaim"> {}
export class SelfStakeNotMovableError extends ContractRevertError<"StakingSelfStakeNotMovable"> {}
export class SameProviderError extends ContractRevertError<"StakingSameProvider"> {}
export class EpochNotSettleableError extends ContractRevertError<"StakingEpochNotSettleable"> {}
export class InvalidSettlementSetError extends ContractRevertError<"StakingInvalidSettlementSet"> {}
export class ScoreTooHighError extends ContractRevertError<"StakingScoreTooHigh"> {}
export class JailCooldownError extends ContractRevertError<"StakingJailCooldown"> {}
export class ScoreBelowThresholdError extends ContractRevertError<"StakingScoreBelowThreshold"> {}
export class SlashTooLargeError extends ContractRevertError<"StakingSlashTooLarge"> {}
export class InvalidParameterError extends ContractRevertError<"StakingInvalidParameter"> {}
export class PermitExpiredError extends ContractRevertError<"StakingPermitExpired"> {}
export class UnauthorizedError extends ContractRevertError<"AccessControlUnauthorizedAccount"> {}
export class PausedError extends ContractRevertError<"EnforcedPause"> {}
export class InsufficientAllowanceError extends ContractRevertError<"ERC20InsufficientAllowance"> {}
export class InsufficientBalanceError extends ContractRevertError<"ERC20InsufficientBalance"> {}
export class AlreadyVotedError extends ContractRevertError<"GovernorAlreadyCastVote"> {}
export class AlreadyOverriddenError extends ContractRevertError<"GovernorAlreadyOverridden"> {}
export class NothingToOverrideError extends ContractRevertError<"GovernorNothingToOverride"> {}
export class SelfOverrideError extends ContractRevertError<"GovernorSelfOverride"> {}
export class InsufficientProposerVotesError extends ContractRevertError<"GovernorInsufficientProposerVotes"> {}
export class NonexistentProposalError extends ContractRevertError<"GovernorNonexistentProposal"> {}
export class UnexpectedProposalStateError extends ContractRevertError<"GovernorUnexpectedProposalState"> {}
export class TimelockNotReadyError extends ContractRevertError<"TimelockUnexpectedOperationState"> {}
/* The protocol's remaining own errors (contracts/src): governance snapshots, the vault, the committee. */
export class RewardsNotCarriedError extends ContractRevertError<"StakingRewardsNotCarried"> {}
export class UpgradeNotAnnouncedError extends ContractRevertError<"StakingUpgradeNotAnnounced"> {}
export class UpgradeTooEarlyError extends ContractRevertError<"StakingUpgradeTooEarly"> {}
export class TimeOverflowError extends ContractRevertError<"StakingTimeOverflow"> {}
export class NotPausedError extends ContractRevertError<"ExpectedPause"> {}
export class NotASnapshotError extends ContractRevertError<"StakingNotASnapshot"> {}
export class FutureLookupError extends ContractRevertError<"StakingFutureLookup"> {}
export class SnapshotInPastError extends ContractRevertError<"StakingSnapshotInPast"> {}
export class SnapshotOutOfOrderError extends ContractRevertError<"StakingSnapshotOutOfOrder"> {}
export class TooManyPendingSnapshotsError extends ContractRevertError<"StakingTooManyPendingSnapshots"> {}
export class TooManySnapshotsError extends ContractRevertError<"StakingTooManySnapshots"> {}
export class TooManyProvidersError extends ContractRevertError<"StakingTooManyProviders"> {}
export class RewardVaultOnlyStakingError extends ContractRevertError<"RewardVaultOnlyStaking"> {}
export class RewardVaultZeroAmountError extends ContractRevertError<"RewardVaultZeroAmount"> {}
export class RewardVaultZeroAddressError extends ContractRevertError<"RewardVaultZeroAddress"> {}
export class OracleZeroAddressError extends ContractRevertError<"OracleZeroAddress"> {}
export class OracleNotMemberError extends ContractRevertError<"OracleNotMember"> {}
export class OracleAlreadyMemberError extends ContractRevertError<"OracleAlreadyMember"> {}
export class OracleTooManyMembersError extends ContractRevertError<"OracleTooManyMembers"> {}
export class OracleInvalidQuorumError extends ContractRevertError<"OracleInvalidQuorum"> {}
export class OracleEpochNotEndedError extends ContractRevertError<"OracleEpochNotEnded"> {}
export class OracleEpochNotNextError extends ContractRevertError<"OracleEpochNotNext"> {}
export class OracleAlreadyReportedError extends ContractRevertError<"OracleAlreadyReported"> {}
export class OracleInvalidReportError extends ContractRevertError<"OracleInvalidReport"> {}
export class OracleScoreTooHighError extends ContractRevertError<"OracleScoreTooHigh"> {}
export class OracleQuorumNotReachedError extends ContractRevertError<"OracleQuorumNotReached"> {}

type RevertErrorClass = new (
  errorName: ContractErrorName,
  args: readonly unknown[],
  format?: AmountFormat,
  cause?: unknown,
) => ContractRevertError;

const classes: Partial<Record<ContractErrorName, unknown>> = {
  StakingZeroAmount: ZeroAmountError,
  StakingAmountTooLarge: AmountTooLargeError,
  StakingZeroAddress: ZeroAddressError,
  StakingBelowMinDelegation: BelowMinDelegationError,
  StakingBelowMinSelfStake: BelowMinSelfStakeError,
  StakingInsufficientStake: InsufficientStakeError,
  StakingProviderCapacityExceeded: ProviderCapacityExceededError,
  StakingGlobalCapExceeded: GlobalCapExceededError,
  StakingUnknownProvider: UnknownProviderError,
  StakingProviderNotActive: ProviderNotActiveError,
  StakingInvalidProviderStatus: InvalidProviderStatusError,
  StakingProviderAlreadyRegistered: ProviderAlreadyRegisteredError,
  StakingCommissionTooHigh: CommissionTooHighError,
  StakingNothingToWithdraw: NothingToWithdrawError,
  StakingNothingToClaim: NothingToClaimError,
  StakingSelfStakeNotMovable: SelfStakeNotMovableError,
  StakingSameProvider: SameProviderError,
  StakingEpochNotSettleable: EpochNotSettleableError,
  StakingInvalidSettlementSet: InvalidSettlementSetError,
  StakingScoreTooHigh: ScoreTooHighError,
  StakingJailCooldown: JailCooldownError,
  StakingScoreBelowThreshold: ScoreBelowThresholdError,
  StakingSlashTooLarge: SlashTooLargeError,
  StakingInvalidParameter: InvalidParameterError,
  StakingPermitExpired: PermitExpiredError,
  AccessControlUnauthorizedAccount: UnauthorizedError,
  EnforcedPause: PausedError,
  ERC20InsufficientAllowance: InsufficientAllowanceError,
  ERC20InsufficientBalance: InsufficientBalanceError,
  GovernorAlreadyCastVote: AlreadyVotedError,
  GovernorAlreadyOverridden: AlreadyOverriddenError,
  GovernorNothingToOverride: NothingToOverrideError,
  GovernorSelfOverride: SelfOverrideError,
  GovernorInsufficientProposerVotes: InsufficientProposerVotesError,
  GovernorNonexistentProposal: NonexistentProposalError,
  GovernorUnexpectedProposalState: UnexpectedProposalStateError,
  TimelockUnexpectedOperationState: TimelockNotReadyError,
  StakingRewardsNotCarried: RewardsNotCarriedError,
  StakingUpgradeNotAnnounced: UpgradeNotAnnouncedError,
  StakingUpgradeTooEarly: UpgradeTooEarlyError,
  StakingTimeOverflow: TimeOverflowError,
  ExpectedPause: NotPausedError,
  StakingNotASnapshot: NotASnapshotError,
  StakingFutureLookup: FutureLookupError,
  StakingSnapshotInPast: SnapshotInPastError,
  StakingSnapshotOutOfOrder: SnapshotOutOfOrderError,
  StakingTooManyPendingSnapshots: TooManyPendingSnapshotsError,
  StakingTooManySnapshots: TooManySnapshotsError,
  StakingTooManyProviders: TooManyProvidersError,
  RewardVaultOnlyStaking: RewardVaultOnlyStakingError,
  RewardVaultZeroAmount: RewardVaultZeroAmountError,
  RewardVaultZeroAddress: RewardVaultZeroAddressError,
  OracleZeroAddress: OracleZeroAddressError,
  OracleNotMember: OracleNotMemberError,
  OracleAlreadyMember: OracleAlreadyMemberError,
  OracleTooManyMembers: OracleTooManyMembersError,
  OracleInvalidQuorum: OracleInvalidQuorumError,
  OracleEpochNotEnded: OracleEpochNotEndedError,
  OracleEpochNotNext: OracleEpochNotNextError,
  OracleAlreadyReported: OracleAlreadyReportedError,
  OracleInvalidReport: OracleInvalidReportError,
  OracleScoreTooHigh: OracleScoreTooHighError,
  OracleQuorumNotReached: OracleQuorumNotReachedError,
};

/** The typed error for a decoded revert. */
export function createRevertError(
  errorName: ContractErrorName,
  args: readonly unknown[],
  format?: AmountFormat,
  cause?: unknown,
): ContractRevertError {
  const Class = (classes[errorName] ?? ContractRevertError) as RevertErrorClass;
  const error = new Class(errorName, args, format, cause);
  error.name = Class.name;
  return error;
}
