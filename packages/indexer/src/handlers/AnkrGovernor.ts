// Handlers for the Governor: proposals and their lifecycle, provider votes, delegator overrides and
// the settings logs. Tallies move exactly as GovernorCountingOverride moves them: VoteCast adds the
// provider's weight (its pool at the snapshot minus what was overridden before it voted),
// OverrideVoteCast adds the delegator's stake, VoteReduced takes that stake out of a provider's vote
// already cast. Vote rows are keyed by their log's position, so a replay rewrites the same rows.
// The timelocks' logs (operations scheduled, executed, cancelled; delays; roles) go to admin_event.

import { type Context, ponder } from "ponder:registry";
import { proposal, providerVote, vote } from "ponder:schema";
import { ankrGovernorAbi } from "@ankr-staking/sdk";
import type { Address, Hex } from "viem";
import { admin } from "./AnkrStaking.ts";
import { type LogRef, logId } from "./store.ts";

type ProposalRow = typeof proposal.$inferSelect;
type Tally = Pick<ProposalRow, "againstVotes" | "forVotes" | "abstainVotes">;

/** The tally column of a support value (0 against, 1 for, 2 abstain), moved by `amount`. */
function moved(row: Tally, support: number, amount: bigint): Partial<Tally> {
  if (support === 0) return { againstVotes: row.againstVotes + amount };
  if (support === 1) return { forVotes: row.forVotes + amount };
  return { abstainVotes: row.abstainVotes + amount };
}

/**
 * The proposal, with its quorum filled in on the first vote or queue: `quorum(snapshot)` is fixed
 * once the snapshot has passed (votes and queueing come after it), and unknown before.
 */
async function withQuorum(context: Context, id: bigint): Promise<ProposalRow | null> {
  const row = await context.db.find(proposal, { id });
  if (!row || row.quorum !== null) return row;
  const quorum = await context.client.readContract({
    abi: ankrGovernorAbi,
    address: context.contracts.AnkrGovernor.address as Address,
    functionName: "quorum",
    args: [row.snapshot],
  });
  return context.db.update(proposal, { id }).set({ quorum });
}

type VoteLog = LogRef & {
  args: { voter: Address; proposalId: bigint; support: number; weight: bigint; reason: string };
};

async function providerVoted(context: Context, event: VoteLog, params: Hex | null) {
  const { voter, proposalId, support, weight, reason } = event.args;
  const row = await withQuorum(context, proposalId);
  if (!row) return;
  const id = logId(event);
  await context.db
    .insert(vote)
    .values({
      id,
      proposalId,
      voter,
      kind: "provider",
      support,
      weight,
      castWeight: weight,
      reason,
      params,
      providers: null,
      blockNumber: event.block.number,
      logIndex: event.log.logIndex,
      txHash: event.transaction.hash,
      timestamp: event.block.timestamp,
    })
    .onConflictDoNothing();
  await context.db
    .insert(providerVote)
    .values({ proposalId, provider: voter, voteId: id })
    .onConflictDoUpdate({ voteId: id });
  await context.db
    .update(proposal, { id: proposalId })
    .set({ ...moved(row, support, weight), providerVotes: row.providerVotes + 1 });
}

ponder.on("AnkrGovernor:ProposalCreated", async ({ event, context }) => {
  const { proposalId, proposer, targets, values, signatures, calldatas, voteStart, voteEnd, description } =
    event.args;
  await context.db
    .insert(proposal)
    .values({
      id: proposalId,
      proposer,
      description,
      targets: [...targets],
      values: values.map(String),
      signatures: [...signatures],
      calldatas: [...calldatas],
      snapshot: voteStart,
      deadline: voteEnd,
      quorum: null,
      againstVotes: 0n,
      forVotes: 0n,
      abstainVotes: 0n,
      providerVotes: 0,
      overrides: 0,
      eta: null,
      createdId: logId(event),
      createdBlock: event.block.number,
      createdAt: event.block.timestamp,
      txHash: event.transaction.hash,
      queuedAt: null,
      executedAt: null,
      canceledAt: null,
    })
    .onConflictDoNothing();
});

ponder.on("AnkrGovernor:VoteCast", async ({ event, context }) => providerVoted(context, event, null));

ponder.on("AnkrGovernor:VoteCastWithParams", async ({ event, context }) =>
  providerVoted(context, event, event.args.params),
);

ponder.on("AnkrGovernor:OverrideVoteCast", async ({ event, context }) => {
  const { delegator, proposalId, support, weight, providers } = event.args;
  const row = await withQuorum(context, proposalId);
  if (!row) return;
  await context.db
    .insert(vote)
    .values({
      id: logId(event),
      proposalId,
      voter: delegator,
      kind: "override",
      support,
      weight,
      castWeight: weight,
      reason: "",
      params: null,
      providers: [...providers],
      blockNumber: event.block.number,
      logIndex: event.log.logIndex,
      txHash: event.transaction.hash,
      timestamp: event.block.timestamp,
    })
    .onConflictDoNothing();
  await context.db
    .update(proposal, { id: proposalId })
    .set({ ...moved(row, support, weight), overrides: row.overrides + 1 });
});

ponder.on("AnkrGovernor:VoteReduced", async ({ event, context }) => {
  const { provider, proposalId, support, weight } = event.args;
  const row = await context.db.find(proposal, { id: proposalId });
  if (row) await context.db.update(proposal, { id: proposalId }).set(moved(row, support, -weight));
  const ref = await context.db.find(providerVote, { proposalId, provider });
  const cast = ref ? await context.db.find(vote, { id: ref.voteId }) : null;
  if (ref && cast) await context.db.update(vote, { id: ref.voteId }).set({ weight: cast.weight - weight });
});

ponder.on("AnkrGovernor:ProposalQueued", async ({ event, context }) => {
  const { proposalId, etaSeconds } = event.args;
  if (!(await withQuorum(context, proposalId))) return;
  await context.db
    .update(proposal, { id: proposalId })
    .set({ eta: etaSeconds, queuedAt: event.block.timestamp });
});

ponder.on("AnkrGovernor:ProposalExecuted", async ({ event, context }) => {
  const { proposalId } = event.args;
  if (await context.db.find(proposal, { id: proposalId }))
    await context.db.update(proposal, { id: proposalId }).set({ executedAt: event.block.timestamp });
});

ponder.on("AnkrGovernor:ProposalCanceled", async ({ event, context }) => {
  const { proposalId } = event.args;
  if (await context.db.find(proposal, { id: proposalId }))
    await context.db.update(proposal, { id: proposalId }).set({ canceledAt: event.block.timestamp });
});

for (const name of [
  "VotingDelaySet",
  "VotingPeriodSet",
  "ProposalThresholdSet",
  "QuorumNumeratorUpdated",
  "TimelockChange",
  "EIP712DomainChanged",
] as const)
  ponder.on(`AnkrGovernor:${name}`, async ({ event, context }) =>
    admin(context.db, event, name, event.args as Record<string, unknown>, "AnkrGovernor"),
  );

for (const name of [
  "CallScheduled",
  "CallExecuted",
  "CallSalt",
  "Cancelled",
  "MinDelayChange",
  "RoleGranted",
  "RoleRevoked",
  "RoleAdminChanged",
] as const)
  ponder.on(`Timelock:${name}`, async ({ event, context }) =>
    admin(
      context.db,
      event,
      name,
      { ...(event.args as Record<string, unknown>), timelock: event.log.address },
      "Timelock",
    ),
  );
