// Binds every action to a client, as viem's publicActions does: `client.delegate({...})`.
import { buildProposal } from "../actions/governance/buildProposal.js";
import { castVote } from "../actions/governance/castVote.js";
import { castVoteOverride, getOverridableStake } from "../actions/governance/castVoteOverride.js";
import { execute } from "../actions/governance/execute.js";
import { getProposal } from "../actions/governance/getProposal.js";
import { getProposals } from "../actions/governance/getProposals.js";
import { getVotingPower } from "../actions/governance/getVotingPower.js";
import { propose } from "../actions/governance/propose.js";
import { queue } from "../actions/governance/queue.js";
import { settleFromReports } from "../actions/oracle/settleFromReports.js";
import { getReportStatus, submitReport } from "../actions/oracle/submitReport.js";
import { getAccount } from "../actions/read/getAccount.js";
import { getCapacityLeft } from "../actions/read/getCapacityLeft.js";
import { getDelegation } from "../actions/read/getDelegation.js";
import { getEpoch } from "../actions/read/getEpoch.js";
import { getHistory } from "../actions/read/getHistory.js";
import { getParameters } from "../actions/read/getParameters.js";
import { getPendingRewards } from "../actions/read/getPendingRewards.js";
import { getPositions } from "../actions/read/getPositions.js";
import { getProvider } from "../actions/read/getProvider.js";
import { getProviders } from "../actions/read/getProviders.js";
import { getProviderYield } from "../actions/read/getProviderYield.js";
import { getTotals } from "../actions/read/getTotals.js";
import { getUnbondingQueue } from "../actions/read/getUnbondingQueue.js";
import { hasRole } from "../actions/read/hasRole.js";
import { admitProvider } from "../actions/roles/admitProvider.js";
import { jail } from "../actions/roles/jail.js";
import { pause } from "../actions/roles/pause.js";
import { removeProvider } from "../actions/roles/removeProvider.js";
import { setAllotment } from "../actions/roles/setAllotment.js";
import { setGlobalCap } from "../actions/roles/setGlobalCap.js";
import { setParameters } from "../actions/roles/setParameters.js";
import { setProviderCap } from "../actions/roles/setProviderCap.js";
import { settleEpoch } from "../actions/roles/settleEpoch.js";
import { slash } from "../actions/roles/slash.js";
import { unpause } from "../actions/roles/unpause.js";
import { addRewards } from "../actions/write/addRewards.js";
import { claim } from "../actions/write/claim.js";
import { claimAll } from "../actions/write/claimAll.js";
import { delegate } from "../actions/write/delegate.js";
import { exitProvider } from "../actions/write/exitProvider.js";
import { fundVault } from "../actions/write/fundVault.js";
import { redelegate } from "../actions/write/redelegate.js";
import { registerProvider } from "../actions/write/registerProvider.js";
import { restake } from "../actions/write/restake.js";
import { setCommission } from "../actions/write/setCommission.js";
import { setMetadataURI } from "../actions/write/setMetadataURI.js";
import { undelegate } from "../actions/write/undelegate.js";
import { unjail } from "../actions/write/unjail.js";
import { withdraw } from "../actions/write/withdraw.js";
import { withdrawSelfStake } from "../actions/write/withdrawSelfStake.js";
import type { StakingClientBase } from "./createStakingClient.js";

const actions = {
  // reads
  getAccount,
  getCapacityLeft,
  getDelegation,
  getEpoch,
  getHistory,
  getParameters,
  hasRole,
  getPendingRewards,
  getPositions,
  getProvider,
  getProviderYield,
  getProviders,
  getTotals,
  getUnbondingQueue,
  // delegators and providers
  addRewards,
  claim,
  claimAll,
  delegate,
  exitProvider,
  fundVault,
  redelegate,
  registerProvider,
  restake,
  setCommission,
  setMetadataURI,
  undelegate,
  unjail,
  withdraw,
  withdrawSelfStake,
  // governance: proposals, votes, overrides
  buildProposal,
  castVote,
  castVoteOverride,
  execute,
  getOverridableStake,
  getProposal,
  getProposals,
  getVotingPower,
  propose,
  queue,
  // oracle committee members
  getReportStatus,
  settleFromReports,
  submitReport,
  // role holders: governance (timelock), settler (oracle committee), pauser (guardian)
  admitProvider,
  jail,
  pause,
  removeProvider,
  setAllotment,
  setGlobalCap,
  setParameters,
  setProviderCap,
  settleEpoch,
  slash,
  unpause,
};

type Actions = typeof actions;
type Bound<fn> = fn extends (client: StakingClientBase, ...rest: infer args) => infer result
  ? (...args: args) => result
  : never;
export type StakingActions = { [name in keyof Actions]: Bound<Actions[name]> };

export function stakingActions(client: StakingClientBase): StakingActions {
  return Object.fromEntries(
    Object.entries(actions).map(([name, action]) => [
      name,
      (...args: unknown[]) =>
        (action as (client: StakingClientBase, ...rest: unknown[]) => unknown)(client, ...args),
    ]),
  ) as StakingActions;
}
