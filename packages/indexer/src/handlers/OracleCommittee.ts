// Handlers for the oracle committee: members, every report (recorded or ignored) and which
// settlement a quorum produced.
import { ponder } from "ponder:registry";
import { epoch, oracleMember, oracleReport } from "ponder:schema";

import { admin } from "./AnkrStaking.ts";
import { logId } from "./store.ts";

ponder.on("OracleCommittee:MemberAdded", async ({ event, context }) => {
  const { member, slot } = event.args;
  await context.db
    .insert(oracleMember)
    .values({
      address: member,
      slot: Number(slot),
      active: true,
      reports: 0,
      updatedAt: event.block.timestamp,
    })
    .onConflictDoUpdate({ slot: Number(slot), active: true, updatedAt: event.block.timestamp });
});

ponder.on("OracleCommittee:MemberRemoved", async ({ event, context }) => {
  const existing = await context.db.find(oracleMember, { address: event.args.member });
  if (existing)
    await context.db
      .update(oracleMember, { address: event.args.member })
      .set({ active: false, updatedAt: event.block.timestamp });
});

ponder.on("OracleCommittee:QuorumSet", async ({ event, context }) =>
  admin(context.db, event, "QuorumSet", event.args, "OracleCommittee"),
);

ponder.on("OracleCommittee:ReportSubmitted", async ({ event, context }) => {
  const { epoch: number, listHash, member, validReports } = event.args;
  await context.db
    .insert(oracleReport)
    .values({
      id: logId(event),
      epoch: number,
      member,
      listHash,
      validReports: Number(validReports),
      ignored: false,
      txHash: event.transaction.hash,
      timestamp: event.block.timestamp,
    })
    .onConflictDoNothing();
  const row = await context.db.find(oracleMember, { address: member });
  if (row) await context.db.update(oracleMember, { address: member }).set({ reports: row.reports + 1 });
});

ponder.on("OracleCommittee:ReportIgnored", async ({ event, context }) => {
  await context.db
    .insert(oracleReport)
    .values({
      id: logId(event),
      epoch: event.args.epoch,
      member: event.args.member,
      listHash: null,
      validReports: null,
      ignored: true,
      txHash: event.transaction.hash,
      timestamp: event.block.timestamp,
    })
    .onConflictDoNothing();
});

// The committee logs CommitteeSettled just before it calls settleEpoch, so the epoch's row is
// started here and AnkrStaking:EpochSettled, later in the same transaction, fills in the figures.
ponder.on("OracleCommittee:CommitteeSettled", async ({ event, context }) => {
  const { epoch: number, listHash, reports } = event.args;
  await context.db
    .insert(epoch)
    .values({
      number,
      budget: 0n,
      distributed: 0n,
      totalWeight: 0n,
      rewardReserve: 0n,
      providers: 0,
      reports: Number(reports),
      listHash,
      settledAt: event.block.timestamp,
      txHash: event.transaction.hash,
    })
    .onConflictDoUpdate({ reports: Number(reports), listHash });
});
