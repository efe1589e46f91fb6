// The indexer's tables. State tables (provider, delegation, unbonding_entry, epoch, ...) are
// upserted by the handlers; event tables (action, claim, provider_epoch, oracle_report) are
// append-only, keyed by where their log sits on the chain, so a replay after a reorg or a
// restart rewrites the same rows instead of adding new ones. Amounts are wei (numeric bigint),
// times unix seconds. Governance: `proposal` (upserted: lifecycle and tallies) and `vote` (one row
// per vote log, provider votes and delegator overrides), with `provider_vote` to find a provider's
// vote when an override reduces it.
import { index, onchainTable, primaryKey } from "ponder";

/** One row, id "protocol": parameters and pool-wide figures. */
export const protocol = onchainTable("protocol", (t) => ({
  id: t.text().primaryKey(),
  totalStaked: t.bigint().notNull(),
  globalCap: t.bigint().notNull(),
  unusedAllotments: t.bigint().notNull(),
  rewardReserve: t.bigint().notNull(),
  paused: t.boolean().notNull(),
  /** The epoch clock (never changes): read from the contract at the first settlement, null before. */
  genesis: t.bigint(),
  epochLength: t.bigint(),
  /** The Parameters struct as decimal strings (ParametersSet). */
  parameters: t.json().$type<Record<string, string>>(),
  delegationRatio: t.bigint().notNull(),
  vaultBalance: t.bigint().notNull(),
  implementation: t.hex(),
  updatedAt: t.bigint().notNull(),
}));

export const provider = onchainTable(
  "provider",
  (t) => ({
    address: t.hex().primaryKey(),
    /** None, Pending, Active, Jailed, Exited (the SDK's providerStatusNames). */
    status: t.text().notNull(),
    totalStake: t.bigint().notNull(),
    selfStake: t.bigint().notNull(),
    commissionBps: t.integer().notNull(),
    pendingCommissionBps: t.integer(),
    commissionEffectiveAt: t.bigint(),
    maxStake: t.bigint().notNull(),
    selfStakeUnbonding: t.bigint().notNull(),
    selfStakeReleaseAt: t.bigint(),
    /**
     * As logged. The document behind it (name, website, chains) is read by the API in the
     * background (src/metadata/resolver.ts), never by the handlers, so a re-index writes the same rows.
     */
    metadataUri: t.text().notNull(),
    lastScoreBps: t.integer(),
    /** Net APY over the last 1, 4 and 12 settled epochs (SDK yieldFromSettlements), refreshed at settlement. */
    apy1: t.doublePrecision().notNull(),
    apy4: t.doublePrecision().notNull(),
    apy12: t.doublePrecision().notNull(),
    delegators: t.integer().notNull(),
    rewardsTotal: t.bigint().notNull(),
    commissionTotal: t.bigint().notNull(),
    slashedTotal: t.bigint().notNull(),
    registeredAt: t.bigint().notNull(),
    updatedAt: t.bigint().notNull(),
  }),
  (table) => ({
    statusIdx: index().on(table.status),
    stakeIdx: index().on(table.totalStake),
  }),
);

export const delegation = onchainTable(
  "delegation",
  (t) => ({
    delegator: t.hex().notNull(),
    provider: t.hex().notNull(),
    stake: t.bigint().notNull(),
    claimed: t.bigint().notNull(),
    restaked: t.bigint().notNull(),
    updatedAt: t.bigint().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.delegator, table.provider] }),
    providerIdx: index().on(table.provider),
  }),
);

export const unbondingEntry = onchainTable(
  "unbonding_entry",
  (t) => ({
    account: t.hex().notNull(),
    entryId: t.bigint().notNull(),
    /** The provider of the last amount that joined the entry (a merge may mix providers). */
    provider: t.hex().notNull(),
    amount: t.bigint().notNull(),
    releaseAt: t.bigint().notNull(),
    withdrawn: t.boolean().notNull(),
    createdAt: t.bigint().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.account, table.entryId] }) }),
);

export const epoch = onchainTable("epoch", (t) => ({
  number: t.bigint().primaryKey(),
  budget: t.bigint().notNull(),
  distributed: t.bigint().notNull(),
  totalWeight: t.bigint().notNull(),
  rewardReserve: t.bigint().notNull(),
  providers: t.integer().notNull(),
  /** Committee reports behind the settlement (CommitteeSettled), when the committee settled it. */
  reports: t.integer(),
  listHash: t.hex(),
  settledAt: t.bigint().notNull(),
  txHash: t.hex().notNull(),
}));

/** What each provider was given at a settlement (ProvidersSettled), with its stake then. */
export const providerEpoch = onchainTable(
  "provider_epoch",
  (t) => ({
    epoch: t.bigint().notNull(),
    provider: t.hex().notNull(),
    scoreBps: t.integer().notNull(),
    stakeSeconds: t.bigint().notNull(),
    reward: t.bigint().notNull(),
    commission: t.bigint().notNull(),
    poolStake: t.bigint().notNull(),
    settledAt: t.bigint().notNull(),
  }),
  (table) => ({
    pk: primaryKey({ columns: [table.epoch, table.provider] }),
    providerIdx: index().on(table.provider, table.epoch),
  }),
);

export const claim = onchainTable(
  "claim",
  (t) => ({
    id: t.text().primaryKey(),
    delegator: t.hex().notNull(),
    provider: t.hex().notNull(),
    amount: t.bigint().notNull(),
    restaked: t.boolean().notNull(),
    txHash: t.hex().notNull(),
    timestamp: t.bigint().notNull(),
  }),
  (table) => ({ delegatorIdx: index().on(table.delegator) }),
);

/** Every user action and every reward payment, one row per log: the history and its CSV. */
export const action = onchainTable(
  "action",
  (t) => ({
    /** `<blockNumber>-<logIndex>`, zero-padded so it sorts in chain order. */
    id: t.text().primaryKey(),
    account: t.hex().notNull(),
    kind: t.text().notNull(),
    provider: t.hex(),
    toProvider: t.hex(),
    amount: t.bigint().notNull(),
    blockNumber: t.bigint().notNull(),
    logIndex: t.integer().notNull(),
    txHash: t.hex().notNull(),
    timestamp: t.bigint().notNull(),
  }),
  (table) => ({ accountIdx: index().on(table.account, table.id) }),
);

export const allotment = onchainTable("allotment", (t) => ({
  account: t.hex().primaryKey(),
  allotment: t.bigint().notNull(),
  used: t.bigint().notNull(),
}));

export const oracleMember = onchainTable("oracle_member", (t) => ({
  address: t.hex().primaryKey(),
  slot: t.integer().notNull(),
  active: t.boolean().notNull(),
  reports: t.integer().notNull(),
  updatedAt: t.bigint().notNull(),
}));

export const oracleReport = onchainTable(
  "oracle_report",
  (t) => ({
    id: t.text().primaryKey(),
    epoch: t.bigint().notNull(),
    member: t.hex().notNull(),
    listHash: t.hex(),
    validReports: t.integer(),
    ignored: t.boolean().notNull(),
    txHash: t.hex().notNull(),
    timestamp: t.bigint().notNull(),
  }),
  (table) => ({ epochIdx: index().on(table.epoch) }),
);

/** Role, upgrade and vault administration logs: kept so every event leaves a trace. */
export const adminEvent = onchainTable("admin_event", (t) => ({
  id: t.text().primaryKey(),
  contract: t.text().notNull(),
  name: t.text().notNull(),
  args: t.json().$type<Record<string, string>>().notNull(),
  txHash: t.hex().notNull(),
  timestamp: t.bigint().notNull(),
}));

/**
 * A Governor proposal. Tallies follow the Governor's own counting: a provider's vote adds its weight,
 * a delegator's override adds its stake to its choice and, where the provider had voted, takes it
 * out of the provider's (VoteReduced). The state is derived when read (src/api/proposals.ts): it
 * depends on the time as well as on these fields.
 */
export const proposal = onchainTable(
  "proposal",
  (t) => ({
    id: t.bigint().primaryKey(),
    proposer: t.hex().notNull(),
    description: t.text().notNull(),
    targets: t.json().$type<string[]>().notNull(),
    /** Wei as decimal strings. */
    values: t.json().$type<string[]>().notNull(),
    signatures: t.json().$type<string[]>().notNull(),
    calldatas: t.json().$type<string[]>().notNull(),
    /** Voting starts after `snapshot` and ends at `deadline` (unix seconds: the clock is timestamps). */
    snapshot: t.bigint().notNull(),
    deadline: t.bigint().notNull(),
    /** `quorum(snapshot)`, read at the first vote or queue (unknown before the snapshot passes). */
    quorum: t.bigint(),
    againstVotes: t.bigint().notNull(),
    forVotes: t.bigint().notNull(),
    abstainVotes: t.bigint().notNull(),
    /** Provider votes (castVote) and delegator overrides (castVoteOverride) counted so far. */
    providerVotes: t.integer().notNull(),
    overrides: t.integer().notNull(),
    eta: t.bigint(),
    /** Where ProposalCreated sits (`<block>-<logIndex>`, as `action.id`): the list's order. */
    createdId: t.text().notNull(),
    createdBlock: t.bigint().notNull(),
    createdAt: t.bigint().notNull(),
    txHash: t.hex().notNull(),
    queuedAt: t.bigint(),
    executedAt: t.bigint(),
    canceledAt: t.bigint(),
  }),
  (table) => ({
    createdIdx: index().on(table.createdId),
    proposerIdx: index().on(table.proposer, table.createdId),
  }),
);

/** One row per vote log: a provider's vote (VoteCast, VoteCastWithParams) or a delegator's override. */
export const vote = onchainTable(
  "vote",
  (t) => ({
    /** `<block>-<logIndex>`, as `action.id`. */
    id: t.text().primaryKey(),
    proposalId: t.bigint().notNull(),
    voter: t.hex().notNull(),
    /** "provider" (its pool) or "override" (a delegator's own stake at `providers`). */
    kind: t.text().notNull(),
    /** 0 against, 1 for, 2 abstain. */
    support: t.integer().notNull(),
    /** Counted now: a provider's cast weight minus what its delegators overrode after it voted. */
    weight: t.bigint().notNull(),
    /** The weight in the log. */
    castWeight: t.bigint().notNull(),
    reason: t.text().notNull(),
    params: t.hex(),
    /** The providers an override names. */
    providers: t.json().$type<string[]>(),
    blockNumber: t.bigint().notNull(),
    logIndex: t.integer().notNull(),
    txHash: t.hex().notNull(),
    timestamp: t.bigint().notNull(),
  }),
  (table) => ({
    proposalIdx: index().on(table.proposalId, table.id),
    voterIdx: index().on(table.voter, table.id),
  }),
);

/** Which vote row is a provider's on a proposal, so VoteReduced finds it by key. */
export const providerVote = onchainTable(
  "provider_vote",
  (t) => ({
    proposalId: t.bigint().notNull(),
    provider: t.hex().notNull(),
    voteId: t.text().notNull(),
  }),
  (table) => ({ pk: primaryKey({ columns: [table.proposalId, table.provider] }) }),
);
