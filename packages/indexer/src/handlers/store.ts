// Shared steps of the handlers: the protocol row, pool stake bookkeeping, action rows.

import type { Context } from "ponder:registry";
import { action, delegation, protocol, provider } from "ponder:schema";
import { ankrStakingAbi } from "@ankr-staking/sdk";
import type { Address, Hex } from "viem";

type Db = Context["db"];
export type LogRef = {
  block: { number: bigint; timestamp: bigint };
  log: { logIndex: number };
  transaction: { hash: Hex };
};

/** Sorts in chain order as text: `<block>-<logIndex>`. */
export const logId = (event: LogRef) =>
  `${event.block.number.toString().padStart(12, "0")}-${event.log.logIndex.toString().padStart(6, "0")}`;

/**
 * The protocol row, created on first use. No RPC read here: it runs on the first protocol log, and
 * a contract read during a backfill waits behind the sync's block requests (seconds, measured).
 */
export async function ensureProtocol(context: Context, event: LogRef) {
  const existing = await context.db.find(protocol, { id: "protocol" });
  if (existing) return existing;
  return context.db.insert(protocol).values({
    id: "protocol",
    totalStaked: 0n,
    globalCap: 0n,
    unusedAllotments: 0n,
    rewardReserve: 0n,
    paused: false,
    genesis: null,
    epochLength: null,
    parameters: null,
    delegationRatio: 0n,
    vaultBalance: 0n,
    implementation: null,
    updatedAt: event.block.timestamp,
  });
}

/** The epoch length, read from the contract once (at the first settlement, which needs it) and kept. */
export async function epochLength(context: Context, event: LogRef): Promise<bigint> {
  const row = await ensureProtocol(context, event);
  if (row.epochLength !== null) return row.epochLength;
  const [genesis, length] = await context.client.readContract({
    abi: ankrStakingAbi,
    address: context.contracts.AnkrStaking.address as Address,
    functionName: "epochClock",
    // Genesis and epoch length never change: read once at the head, cached (and readable from
    // nodes that keep no historical state).
    cache: "immutable",
  });
  await context.db.update(protocol, { id: "protocol" }).set({ genesis, epochLength: length });
  return length;
}

/**
 * Sets a delegation's stake and its pool's stake, the absolute values a staking log carries, and
 * moves what depends on them: the protocol's total (by the pool's difference), the provider's
 * self-stake (its own delegation) or delegator count (a delegation that becomes or stops being
 * non-zero). Each row is read once and written once: this runs for nearly every log.
 */
export async function setStakes(
  context: Context,
  event: LogRef,
  delegator: Address,
  providerAddress: Address,
  stakes: { delegationStake: bigint; poolStake: bigint },
) {
  const db = context.db;
  const { delegationStake, poolStake } = stakes;
  const updatedAt = event.block.timestamp;
  const p = await db.find(provider, { address: providerAddress });
  const totals = await ensureProtocol(context, event);
  await db
    .update(protocol, { id: "protocol" })
    .set({ totalStaked: totals.totalStaked + poolStake - (p?.totalStake ?? 0n), updatedAt });
  let before = 0n;
  await db
    .insert(delegation)
    .values({
      delegator,
      provider: providerAddress,
      stake: delegationStake,
      claimed: 0n,
      restaked: 0n,
      updatedAt,
    })
    .onConflictDoUpdate((row) => {
      before = row.stake;
      return { stake: delegationStake, updatedAt };
    });
  if (!p) return;
  const self = delegator.toLowerCase() === providerAddress.toLowerCase();
  await db
    .update(provider, { address: providerAddress })
    .set(
      self
        ? { totalStake: poolStake, selfStake: delegationStake, updatedAt }
        : (before === 0n) !== (delegationStake === 0n)
          ? { totalStake: poolStake, delegators: p.delegators + (delegationStake > 0n ? 1 : -1), updatedAt }
          : { totalStake: poolStake, updatedAt },
    );
}

export async function recordAction(
  db: Db,
  event: LogRef,
  fields: { account: Address; kind: string; amount: bigint; provider?: Address; toProvider?: Address },
) {
  await db
    .insert(action)
    .values({
      id: logId(event),
      account: fields.account,
      kind: fields.kind,
      provider: fields.provider ?? null,
      toProvider: fields.toProvider ?? null,
      amount: fields.amount,
      blockNumber: event.block.number,
      logIndex: event.log.logIndex,
      txHash: event.transaction.hash,
      timestamp: event.block.timestamp,
    })
    .onConflictDoNothing();
}

/** Decimal strings for a json column (bigints do not serialise). */
export function decimalStrings(value: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
}
