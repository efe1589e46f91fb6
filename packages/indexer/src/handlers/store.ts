// Shared steps of the handlers: the protocol row, pool stake bookkeeping, action rows.

import type { Context } from "ponder:registry";
import { action, delegation, protocol, provider } from "ponder:schema";
import { ankrStakingAbi } from "@ankr-staking/sdk";
import type { Address, Hex } from "viem";

import { resolveMetadata } from "../metadata/resolve.ts";

type Db = Context["db"];
export type LogRef = {
  block: { number: bigint; timestamp: bigint };
  log: { logIndex: number };
  transaction: { hash: Hex };
};

/** Sorts in chain order as text: `<block>-<logIndex>`. */
export const logId = (event: LogRef) =>
  `${event.block.number.toString().padStart(12, "0")}-${event.log.logIndex.toString().padStart(6, "0")}`;

/** The protocol row, created on first use with the epoch clock read from the contract. */
export async function ensureProtocol(context: Context, event: LogRef) {
  const existing = await context.db.find(protocol, { id: "protocol" });
  if (existing) return existing;
  const [genesis, epochLength] = await context.client.readContract({
    abi: ankrStakingAbi,
    address: context.contracts.AnkrStaking.address as Address,
    functionName: "epochClock",
    // Genesis and epoch length never change: read once at the head, cached (and readable from
    // nodes that keep no historical state).
    cache: "immutable",
  });
  return context.db.insert(protocol).values({
    id: "protocol",
    totalStaked: 0n,
    globalCap: 0n,
    unusedAllotments: 0n,
    rewardReserve: 0n,
    paused: false,
    genesis,
    epochLength,
    parameters: null,
    delegationRatio: 0n,
    vaultBalance: 0n,
    implementation: null,
    updatedAt: event.block.timestamp,
  });
}

/** Sets a pool's stake and moves the protocol's total by the difference. */
export async function setPoolStake(context: Context, event: LogRef, address: Address, poolStake: bigint) {
  const row = await context.db.find(provider, { address });
  const before = row?.totalStake ?? 0n;
  const totals = await ensureProtocol(context, event);
  await context.db
    .update(protocol, { id: "protocol" })
    .set({ totalStaked: totals.totalStaked + poolStake - before, updatedAt: event.block.timestamp });
  if (row)
    await context.db
      .update(provider, { address })
      .set({ totalStake: poolStake, updatedAt: event.block.timestamp });
}

/** Sets a delegation's stake; keeps the provider's delegator count and, for its own stake, its self-stake. */
export async function setDelegationStake(
  db: Db,
  event: LogRef,
  delegator: Address,
  providerAddress: Address,
  stake: bigint,
) {
  const row = await db.find(delegation, { delegator, provider: providerAddress });
  const before = row?.stake ?? 0n;
  if (row)
    await db
      .update(delegation, { delegator, provider: providerAddress })
      .set({ stake, updatedAt: event.block.timestamp });
  else
    await db.insert(delegation).values({
      delegator,
      provider: providerAddress,
      stake,
      claimed: 0n,
      restaked: 0n,
      updatedAt: event.block.timestamp,
    });
  const self = delegator.toLowerCase() === providerAddress.toLowerCase();
  const p = await db.find(provider, { address: providerAddress });
  if (!p) return;
  if (self) await db.update(provider, { address: providerAddress }).set({ selfStake: stake });
  else if ((before === 0n) !== (stake === 0n))
    await db
      .update(provider, { address: providerAddress })
      .set({ delegators: p.delegators + (stake > 0n ? 1 : -1) });
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

export async function setMetadata(db: Db, address: Address, uri: string) {
  const metadata = await resolveMetadata(uri);
  await db.update(provider, { address }).set({ metadataUri: uri, ...metadata });
}

/** Decimal strings for a json column (bigints do not serialise). */
export function decimalStrings(value: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
}
