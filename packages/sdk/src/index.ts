// @ankr-staking/sdk: typed access to delegated ANKR staking. Browser-safe; see ./node for files.
export {
  ankrGovernorAbi,
  ankrStakingAbi,
  oracleCommitteeAbi,
  rewardVaultAbi,
  testAnkrAbi,
  timelockControllerAbi,
} from "./abis/generated.js";
export {
  buildProposal,
  isParameterName,
  ProposalBuildError,
  type ProposalKind,
  type ProposalSpec,
  upgradeOperation,
} from "./actions/governance/buildProposal.js";
export { type CastVoteParameters, castVote } from "./actions/governance/castVote.js";
export {
  type CastVoteOverrideParameters,
  type CastVoteOverrideReturnType,
  castVoteOverride,
  getOverridableStake,
  NoStakeToOverrideError,
} from "./actions/governance/castVoteOverride.js";
export { type ExecuteParameters, execute } from "./actions/governance/execute.js";
export { getProposal, type Proposal, type ProposalAction } from "./actions/governance/getProposal.js";
export { type GetProposalsParameters, getProposals } from "./actions/governance/getProposals.js";
export { getVotingPower } from "./actions/governance/getVotingPower.js";
export {
  GovernanceNotDeployedError,
  InvalidVoteSupportError,
  parseVoteSupport,
  type VoteSupport,
  voteSupport,
} from "./actions/governance/governor.js";
export {
  EmptyProposalError,
  type ProposeParameters,
  type ProposeReturnType,
  propose,
} from "./actions/governance/propose.js";
export { type QueueParameters, queue } from "./actions/governance/queue.js";
export {
  MissingScoreError,
  packScores,
  reportListHash,
  type ScoreRound,
  type ScoreRoundParameters,
  scoreRound,
} from "./actions/oracle/scoreRound.js";
export {
  type SettleFromReportsParameters,
  type SettleFromReportsReturnType,
  settleFromReports,
} from "./actions/oracle/settleFromReports.js";
export {
  committeeAddress,
  getReportStatus,
  OracleNotDeployedError,
  type SubmitReportParameters,
  type SubmitReportReturnType,
  submitReport,
} from "./actions/oracle/submitReport.js";
export type { GetAccountParameters, GetAccountReturnType } from "./actions/read/getAccount.js";
export { getAccount } from "./actions/read/getAccount.js";
export { type GetCapacityLeftReturnType, getCapacityLeft } from "./actions/read/getCapacityLeft.js";
export { type GetDelegationReturnType, getDelegation } from "./actions/read/getDelegation.js";
export { type GetEpochReturnType, getEpoch } from "./actions/read/getEpoch.js";
export { getHistory } from "./actions/read/getHistory.js";
export { getParameters } from "./actions/read/getParameters.js";
export { getPendingRewards } from "./actions/read/getPendingRewards.js";
export { type GetPositionsReturnType, getPositions, type Position } from "./actions/read/getPositions.js";
export { getProvider } from "./actions/read/getProvider.js";
export { getProviderAddresses, getProviders, type ProviderSort } from "./actions/read/getProviders.js";
export { getProviderYield } from "./actions/read/getProviderYield.js";
export { type GetTotalsReturnType, getTotals } from "./actions/read/getTotals.js";
export { type GetUnbondingQueueReturnType, getUnbondingQueue } from "./actions/read/getUnbondingQueue.js";
export { type HasRoleParameters, hasRole, type StakingRole } from "./actions/read/hasRole.js";
export { admitProvider } from "./actions/roles/admitProvider.js";
export { encodeStakingCall, type StakingCall } from "./actions/roles/encodeStakingCall.js";
export { jail } from "./actions/roles/jail.js";
export { pause } from "./actions/roles/pause.js";
export { removeProvider } from "./actions/roles/removeProvider.js";
export { setAllotment } from "./actions/roles/setAllotment.js";
export { setGlobalCap } from "./actions/roles/setGlobalCap.js";
export { setParameters } from "./actions/roles/setParameters.js";
export { setProviderCap } from "./actions/roles/setProviderCap.js";
export { type SettleEpochParameters, settleEpoch } from "./actions/roles/settleEpoch.js";
export { slash } from "./actions/roles/slash.js";
export { unpause } from "./actions/roles/unpause.js";
export { addRewards } from "./actions/write/addRewards.js";
export { claim } from "./actions/write/claim.js";
export { claimAll } from "./actions/write/claimAll.js";
export { type DelegateParameters, delegate } from "./actions/write/delegate.js";
export { exitProvider } from "./actions/write/exitProvider.js";
export { fundVault } from "./actions/write/fundVault.js";
export { redelegate } from "./actions/write/redelegate.js";
export { type RegisterProviderParameters, registerProvider } from "./actions/write/registerProvider.js";
export { restake } from "./actions/write/restake.js";
export { setCommission } from "./actions/write/setCommission.js";
export { setMetadataURI } from "./actions/write/setMetadataURI.js";
export { undelegate } from "./actions/write/undelegate.js";
export { unjail } from "./actions/write/unjail.js";
export { withdraw } from "./actions/write/withdraw.js";
export { withdrawSelfStake } from "./actions/write/withdrawSelfStake.js";
export {
  type AmountFormat,
  formatAmount,
  formatBps,
  InvalidAmountError,
  parseAmount,
  parseBps,
} from "./amounts/amount.js";
export { CHAINS, chainRegistry, isKnownChain } from "./chains/registry.js";
export type { ChainEntry, ProtocolFamily } from "./chains/types.js";
export { chainFor } from "./client/chain.js";
export {
  type CreateStakingClientParameters,
  createStakingClient,
  type StakingClient,
  type StakingClientBase,
} from "./client/createStakingClient.js";
export { type StakingActions, stakingActions } from "./client/decorator.js";
export {
  type Deployment,
  InvalidDeploymentError,
  parseDeployment,
  UnknownDeploymentError,
} from "./deployments/deployment.js";
export { BaseError } from "./errors/base.js";
export * from "./errors/contract.js";
export { toStakingError } from "./errors/decode.js";
export {
  ChainMismatchError,
  InsufficientFundsError,
  MissingAccountError,
  RpcError,
  RpcUnavailableError,
  TransactionRevertedError,
  WalletRejectedError,
} from "./errors/rpc.js";
export { decodeStakingEvents, eventsAbi, type StakingEvent, type StakingEventName } from "./events/decode.js";
export * from "./math/apy.js";
export * from "./math/capacity.js";
export * from "./math/epoch.js";
export * from "./math/rewards.js";
export {
  decodeMetadataURI,
  encodeMetadataURI,
  InvalidMetadataError,
  type ProviderMetadata,
  parseMetadata,
} from "./metadata/metadata.js";
export {
  type AuthorizationMethod,
  ChainTimeAheadError,
  getAllowance,
  MAX_CHAIN_TIME_AHEAD,
} from "./token/approval.js";
export { type PermitSignature, signPermit, supportsPermit } from "./token/permit.js";
export { GAS_HEADROOM_PERCENT } from "./transaction/send.js";
export type { TokenStep, TransactionResult, WriteOptions } from "./transaction/types.js";
export { waitForTransaction } from "./transaction/wait.js";
export * from "./types.js";
