// Handlers for every event of the staking contract (IStakingEvents plus access control, pause and
// upgrade). Events carry the resulting state, so rows are set to absolute values: replaying a log
// after a restart or reorg gives the same row.

import { ponder } from "ponder:registry";
import {
  adminEvent,
  allotment,
  claim,
  delegation,
  epoch,
  protocol,
  provider,
  providerEpoch,
  unbondingEntry,
} from "ponder:schema";
import { yieldFromSettlements } from "@ankr-staking/sdk";
import { desc, eq } from "ponder";
import { maxUint256 } from "viem";

import { decimalStrings, ensureProtocol, epochLength, logId, recordAction, setStakes } from "./store.ts";

ponder.on("AnkrStaking:ProviderRegistered", async ({ event, context }) => {
  const { provider: address, selfStake, commissionBps, metadataURI } = event.args;
  await ensureProtocol(context, event);
  await context.db
    .insert(provider)
    .values({
      address,
      status: "Pending",
      totalStake: 0n,
      selfStake,
      commissionBps,
      maxStake: 0n,
      selfStakeUnbonding: 0n,
      metadataUri: metadataURI,
      apy1: 0,
      apy4: 0,
      apy12: 0,
      delegators: 0,
      rewardsTotal: 0n,
      commissionTotal: 0n,
      slashedTotal: 0n,
      registeredAt: event.block.timestamp,
      updatedAt: event.block.timestamp,
    })
    .onConflictDoUpdate({
      status: "Pending",
      commissionBps,
      metadataUri: metadataURI,
      updatedAt: event.block.timestamp,
    });
  await setStakes(context, event, address, address, { delegationStake: selfStake, poolStake: selfStake });
  await recordAction(context.db, event, {
    account: address,
    kind: "register",
    provider: address,
    amount: selfStake,
  });
});

const setStatus = (status: string) =>
  async function handler({
    event,
    context,
  }: {
    event: { args: { provider: `0x${string}` }; block: { timestamp: bigint } };
    context: { db: import("ponder:registry").Context["db"] };
  }) {
    await context.db
      .update(provider, { address: event.args.provider })
      .set({ status, updatedAt: event.block.timestamp });
  };

ponder.on("AnkrStaking:ProviderAdmitted", setStatus("Active"));
ponder.on("AnkrStaking:ProviderJailed", setStatus("Jailed"));
ponder.on("AnkrStaking:ProviderUnjailed", setStatus("Active"));

ponder.on("AnkrStaking:ProviderExited", async ({ event, context }) => {
  const { provider: address, selfStakeUnbonding, releaseAt, removed } = event.args;
  const row = await context.db.find(provider, { address });
  if (!row) return;
  await setStakes(context, event, address, address, {
    delegationStake: 0n,
    poolStake: row.totalStake - row.selfStake,
  });
  await context.db.update(provider, { address }).set({
    status: "Exited",
    selfStakeUnbonding,
    selfStakeReleaseAt: releaseAt,
    updatedAt: event.block.timestamp,
  });
  await recordAction(context.db, event, {
    account: address,
    kind: removed ? "removed" : "exit",
    provider: address,
    amount: selfStakeUnbonding,
  });
});

ponder.on("AnkrStaking:ProviderMetadataUpdated", async ({ event, context }) => {
  // The URI only: the API reads the document in the background, off the indexing path.
  await context.db
    .update(provider, { address: event.args.provider })
    .set({ metadataUri: event.args.metadataURI });
});

ponder.on("AnkrStaking:CommissionIncreaseScheduled", async ({ event, context }) => {
  const { provider: address, commissionBps, effectiveAt } = event.args;
  await context.db
    .update(provider, { address })
    .set({ pendingCommissionBps: commissionBps, commissionEffectiveAt: effectiveAt });
  await recordAction(context.db, event, {
    account: address,
    kind: "commissionScheduled",
    provider: address,
    amount: 0n,
  });
});

ponder.on("AnkrStaking:CommissionChanged", async ({ event, context }) => {
  const { provider: address, newCommissionBps } = event.args;
  // Any change (an applied increase, or a decrease) replaces what was scheduled.
  await context.db
    .update(provider, { address })
    .set({ commissionBps: newCommissionBps, pendingCommissionBps: null, commissionEffectiveAt: null });
  await recordAction(context.db, event, {
    account: address,
    kind: "commissionChanged",
    provider: address,
    amount: 0n,
  });
});

ponder.on("AnkrStaking:ProviderCapSet", async ({ event, context }) => {
  await context.db.update(provider, { address: event.args.provider }).set({ maxStake: event.args.maxStake });
});

ponder.on("AnkrStaking:Delegated", async ({ event, context }) => {
  const { delegator, provider: address, amount, delegationStake, poolStake } = event.args;
  await setStakes(context, event, delegator, address, { delegationStake, poolStake });
  await recordAction(context.db, event, { account: delegator, kind: "delegate", provider: address, amount });
});

ponder.on("AnkrStaking:Undelegated", async ({ event, context }) => {
  const { delegator, provider: address, amount, delegationStake, poolStake, entryId, releaseAt } = event.args;
  await setStakes(context, event, delegator, address, { delegationStake, poolStake });
  if (entryId === maxUint256) {
    const row = await context.db.find(provider, { address });
    if (row)
      await context.db
        .update(provider, { address })
        .set({ selfStakeUnbonding: row.selfStakeUnbonding + amount, selfStakeReleaseAt: releaseAt });
  } else {
    await context.db
      .insert(unbondingEntry)
      .values({
        account: delegator,
        entryId,
        provider: address,
        amount,
        releaseAt,
        withdrawn: false,
        createdAt: event.block.timestamp,
      })
      // A full queue merges the amount into its newest entry.
      .onConflictDoUpdate((row) => ({ amount: row.amount + amount, releaseAt, provider: address }));
  }
  await recordAction(context.db, event, {
    account: delegator,
    kind: "undelegate",
    provider: address,
    amount,
  });
});

ponder.on("AnkrStaking:Redelegated", async ({ event, context }) => {
  const { delegator, fromProvider, toProvider, amount } = event.args;
  await setStakes(context, event, delegator, fromProvider, {
    delegationStake: event.args.fromDelegationStake,
    poolStake: event.args.fromPoolStake,
  });
  await setStakes(context, event, delegator, toProvider, {
    delegationStake: event.args.toDelegationStake,
    poolStake: event.args.toPoolStake,
  });
  await recordAction(context.db, event, {
    account: delegator,
    kind: "redelegate",
    provider: fromProvider,
    toProvider,
    amount,
  });
});

ponder.on("AnkrStaking:Withdrawn", async ({ event, context }) => {
  const { account, amount, firstEntryId, nextEntryId } = event.args;
  // At most the queue's bound (MAX_UNBONDING_ENTRIES) entries per withdrawal.
  for (let id = firstEntryId; id < nextEntryId; id++) {
    const entry = await context.db.find(unbondingEntry, { account, entryId: id });
    if (entry) await context.db.update(unbondingEntry, { account, entryId: id }).set({ withdrawn: true });
  }
  await recordAction(context.db, event, { account, kind: "withdraw", amount });
});

ponder.on("AnkrStaking:SelfStakeWithdrawn", async ({ event, context }) => {
  const { provider: address, amount } = event.args;
  const row = await context.db.find(provider, { address });
  if (row)
    await context.db
      .update(provider, { address })
      .set({ selfStakeUnbonding: row.selfStakeUnbonding > amount ? row.selfStakeUnbonding - amount : 0n });
  await recordAction(context.db, event, {
    account: address,
    kind: "withdrawSelfStake",
    provider: address,
    amount,
  });
});

ponder.on("AnkrStaking:RewardsClaimed", async ({ event, context }) => {
  const { delegator, provider: address, amount } = event.args;
  await context.db
    .insert(claim)
    .values({
      id: logId(event),
      delegator,
      provider: address,
      amount,
      restaked: false,
      txHash: event.transaction.hash,
      timestamp: event.block.timestamp,
    })
    .onConflictDoNothing();
  const row = await context.db.find(delegation, { delegator, provider: address });
  if (row)
    await context.db
      .update(delegation, { delegator, provider: address })
      .set({ claimed: row.claimed + amount });
  await recordAction(context.db, event, { account: delegator, kind: "claim", provider: address, amount });
});

ponder.on("AnkrStaking:RewardsRestaked", async ({ event, context }) => {
  const { delegator, provider: address, amount, delegationStake, poolStake } = event.args;
  await context.db
    .insert(claim)
    .values({
      id: logId(event),
      delegator,
      provider: address,
      amount,
      restaked: true,
      txHash: event.transaction.hash,
      timestamp: event.block.timestamp,
    })
    .onConflictDoNothing();
  await setStakes(context, event, delegator, address, { delegationStake, poolStake });
  const row = await context.db.find(delegation, { delegator, provider: address });
  if (row)
    await context.db
      .update(delegation, { delegator, provider: address })
      .set({ restaked: row.restaked + amount });
  await recordAction(context.db, event, { account: delegator, kind: "restake", provider: address, amount });
});

ponder.on("AnkrStaking:PoolRewardsAdded", async ({ event, context }) => {
  const { provider: address, from, amount } = event.args;
  await recordAction(context.db, event, { account: from, kind: "addRewards", provider: address, amount });
});

ponder.on("AnkrStaking:EpochSettled", async ({ event, context }) => {
  const { epoch: number, budget, distributed, totalWeight, rewardReserve } = event.args;
  await ensureProtocol(context, event);
  await context.db
    .insert(epoch)
    .values({
      number,
      budget,
      distributed,
      totalWeight,
      rewardReserve,
      providers: 0,
      settledAt: event.block.timestamp,
      txHash: event.transaction.hash,
    })
    // A committee settlement has started the row (OracleCommittee:CommitteeSettled).
    .onConflictDoUpdate({ budget, distributed, totalWeight, rewardReserve });
  await context.db.update(protocol, { id: "protocol" }).set({ rewardReserve });
});

ponder.on("AnkrStaking:ProvidersSettled", async ({ event, context }) => {
  const { epoch: number, settlements } = event.args;
  const length = await epochLength(context, event);
  for (const s of settlements) {
    const row = await context.db.find(provider, { address: s.provider });
    await context.db
      .insert(providerEpoch)
      .values({
        epoch: number,
        provider: s.provider,
        scoreBps: s.scoreBps,
        stakeSeconds: s.stakeSeconds,
        reward: s.reward,
        commission: s.commission,
        poolStake: row?.totalStake ?? 0n,
        settledAt: event.block.timestamp,
      })
      .onConflictDoNothing();
    if (!row) continue;
    const recent = await context.db.sql
      .select()
      .from(providerEpoch)
      .where(eq(providerEpoch.provider, s.provider))
      .orderBy(desc(providerEpoch.epoch))
      .limit(12);
    const apy = (n: number) => yieldFromSettlements(recent.slice(0, n), length).apy;
    await context.db.update(provider, { address: s.provider }).set({
      lastScoreBps: s.scoreBps,
      rewardsTotal: row.rewardsTotal + s.reward,
      commissionTotal: row.commissionTotal + s.commission,
      apy1: apy(1),
      apy4: apy(4),
      apy12: apy(12),
    });
  }
  const settled = await context.db.find(epoch, { number });
  if (settled) await context.db.update(epoch, { number }).set({ providers: settlements.length });
});

ponder.on("AnkrStaking:Slashed", async ({ event, context }) => {
  const { provider: address, fromStake, fromUnbonding, selfStake } = event.args;
  const row = await context.db.find(provider, { address });
  if (!row) return;
  await setStakes(context, event, address, address, {
    delegationStake: selfStake,
    poolStake: row.totalStake - fromStake,
  });
  await context.db.update(provider, { address }).set({
    selfStakeUnbonding: row.selfStakeUnbonding - fromUnbonding,
    slashedTotal: row.slashedTotal + fromStake + fromUnbonding,
  });
  await recordAction(context.db, event, {
    account: address,
    kind: "slashed",
    provider: address,
    amount: fromStake + fromUnbonding,
  });
});

ponder.on("AnkrStaking:ParametersSet", async ({ event, context }) => {
  await ensureProtocol(context, event);
  const { parameters } = event.args;
  await context.db.update(protocol, { id: "protocol" }).set({
    parameters: decimalStrings(parameters),
    delegationRatio: BigInt(parameters.delegationRatio),
    updatedAt: event.block.timestamp,
  });
});

ponder.on("AnkrStaking:GlobalCapSet", async ({ event, context }) => {
  await ensureProtocol(context, event);
  await context.db.update(protocol, { id: "protocol" }).set({ globalCap: event.args.globalCap });
});

ponder.on("AnkrStaking:AllotmentSet", async ({ event, context }) => {
  const { account, allotment: amount, used } = event.args;
  const totals = await ensureProtocol(context, event);
  const before = await context.db.find(allotment, { account });
  const unusedBefore = before ? before.allotment - before.used : 0n;
  await context.db
    .insert(allotment)
    .values({ account, allotment: amount, used })
    .onConflictDoUpdate({ allotment: amount, used });
  await context.db
    .update(protocol, { id: "protocol" })
    .set({ unusedAllotments: totals.unusedAllotments - unusedBefore + (amount - used) });
});

ponder.on("AnkrStaking:Paused", async ({ event, context }) => {
  await ensureProtocol(context, event);
  await context.db.update(protocol, { id: "protocol" }).set({ paused: true });
  await admin(context.db, event, "Paused", event.args);
});
ponder.on("AnkrStaking:Unpaused", async ({ event, context }) => {
  await ensureProtocol(context, event);
  await context.db.update(protocol, { id: "protocol" }).set({ paused: false });
  await admin(context.db, event, "Unpaused", event.args);
});
// An upgrade must be announced on chain longer than the longest unbonding period before it runs.
ponder.on("AnkrStaking:UpgradeAnnounced", async ({ event, context }) =>
  admin(context.db, event, "UpgradeAnnounced", event.args),
);
ponder.on("AnkrStaking:Upgraded", async ({ event, context }) => {
  await ensureProtocol(context, event);
  await context.db.update(protocol, { id: "protocol" }).set({ implementation: event.args.implementation });
  await admin(context.db, event, "Upgraded", event.args);
});
ponder.on("AnkrStaking:Initialized", async ({ event, context }) =>
  admin(context.db, event, "Initialized", event.args),
);
ponder.on("AnkrStaking:RoleGranted", async ({ event, context }) =>
  admin(context.db, event, "RoleGranted", event.args),
);
ponder.on("AnkrStaking:RoleRevoked", async ({ event, context }) =>
  admin(context.db, event, "RoleRevoked", event.args),
);
ponder.on("AnkrStaking:RoleAdminChanged", async ({ event, context }) =>
  admin(context.db, event, "RoleAdminChanged", event.args),
);

export async function admin(
  db: import("ponder:registry").Context["db"],
  event: import("./store.ts").LogRef & { log: { address: `0x${string}`; logIndex: number } },
  name: string,
  args: Record<string, unknown>,
  contract = "AnkrStaking",
) {
  await db
    .insert(adminEvent)
    .values({
      id: logId(event),
      contract,
      name,
      args: decimalStrings(args),
      txHash: event.transaction.hash,
      timestamp: event.block.timestamp,
    })
    .onConflictDoNothing();
}
