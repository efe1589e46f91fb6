// GET /v1/providers (sort, filter, cursor pagination) and GET /v1/providers/:address.
// The provider set is small (admitted by governance), so a page is cut from the filtered set sorted
// in memory; the cursor is the last item's sort key and address, stable while rows change.

import { db } from "ponder:api";
import { protocol, provider, providerEpoch } from "ponder:schema";
import { capacityLeft, ProviderStatus } from "@ankr-staking/sdk";
import { Hono } from "hono";
import { desc, eq } from "ponder";
import type { z } from "zod";
import type { MetadataState } from "../metadata/resolver.ts";
import { InvalidParameterError, NotFoundError } from "./errors.ts";
import { checksum, optionalTime, parseAddress, time, wei } from "./format.ts";
import { metadataFields, metadataOf } from "./metadata.ts";
import { decodeCursor, encodeCursor, parseLimit, respond } from "./respond.ts";
import {
  ProviderDetail,
  ProviderList,
  type ProviderSummary,
  type ProviderStatus as StatusSchema,
} from "./schemas.ts";

type ProviderRow = typeof provider.$inferSelect;
type ProtocolRow = typeof protocol.$inferSelect;

export const sorts = ["stake", "apy", "commission", "score", "capacity"] as const;
type Sort = (typeof sorts)[number];
const statuses = ["Pending", "Active", "Jailed", "Exited"] as const;

async function protocolRow(): Promise<ProtocolRow | undefined> {
  return (await db.select().from(protocol).where(eq(protocol.id, "protocol")))[0];
}

function capacityOf(row: ProviderRow, totals: ProtocolRow | undefined): bigint {
  return capacityLeft({
    provider: {
      status: ProviderStatus[row.status as keyof typeof ProviderStatus],
      totalStake: row.totalStake,
      selfStake: row.selfStake,
      maxStake: row.maxStake,
    },
    delegationRatio: totals?.delegationRatio ?? 0n,
    totals: {
      totalStaked: totals?.totalStaked ?? 0n,
      globalCap: totals?.globalCap ?? 0n,
      unusedAllotments: totals?.unusedAllotments ?? 0n,
    },
    allotment: { allotment: 0n, used: 0n },
    isSelf: false,
  });
}

export function summary(
  row: ProviderRow,
  totals: ProtocolRow | undefined,
  metadata: MetadataState | undefined,
): z.input<typeof ProviderSummary> {
  return {
    address: checksum(row.address),
    status: row.status as z.infer<typeof StatusSchema>,
    ...metadataFields(metadata),
    metadataURI: row.metadataUri,
    totalStake: wei(row.totalStake),
    selfStake: wei(row.selfStake),
    delegatedStake: wei(row.totalStake - row.selfStake),
    commissionBps: row.commissionBps,
    pendingCommission:
      row.pendingCommissionBps !== null && row.commissionEffectiveAt !== null
        ? { commissionBps: row.pendingCommissionBps, effectiveAt: time(row.commissionEffectiveAt) }
        : null,
    capacityLeft: wei(capacityOf(row, totals)),
    maxStake: wei(row.maxStake),
    lastScoreBps: row.lastScoreBps,
    netApy: { last1: row.apy1, last4: row.apy4, last12: row.apy12 },
    delegators: row.delegators,
    registeredAt: time(row.registeredAt),
  };
}

/** The sort key as a fixed-width string (numbers as zero-padded decimals), so keys compare as text. */
function sortKey(sort: Sort, row: ProviderRow, totals: ProtocolRow | undefined): string {
  const pad = (n: bigint) => n.toString().padStart(80, "0");
  switch (sort) {
    case "stake":
      return pad(row.totalStake);
    case "capacity":
      return pad(capacityOf(row, totals));
    case "commission":
      return pad(BigInt(row.commissionBps));
    case "score":
      return pad(BigInt(row.lastScoreBps ?? 0));
    case "apy":
      return pad(BigInt(Math.round(Math.max(row.apy4, 0) * 1e12)));
  }
}

export const providers = new Hono()
  .get("/providers", async (c) => {
    const query = c.req.query();
    const sort = (query.sort ?? "stake") as Sort;
    if (!sorts.includes(sort)) throw new InvalidParameterError("sort", `must be one of ${sorts.join(", ")}`);
    const order = query.order ?? (sort === "commission" ? "asc" : "desc");
    if (order !== "asc" && order !== "desc") throw new InvalidParameterError("order", "must be asc or desc");
    const status = query.status;
    if (status !== undefined && !(statuses as readonly string[]).includes(status))
      throw new InvalidParameterError("status", `must be one of ${statuses.join(", ")}`);
    const chain = query.chain?.toLowerCase();
    if (chain !== undefined && !/^[a-z0-9-]{1,64}$/.test(chain))
      throw new InvalidParameterError("chain", "must be a chain id such as eth or polygon");
    const limit = parseLimit(query.limit, 20, 100);
    const cursor = decodeCursor(query.cursor, 2) as [string, string] | undefined;

    const totals = await protocolRow();
    const rows = await (status
      ? db.select().from(provider).where(eq(provider.status, status))
      : db.select().from(provider));
    const metadata = await metadataOf(rows);
    const direction = order === "asc" ? 1 : -1;
    const chainsOf = (row: ProviderRow) => metadataFields(metadata.get(row.metadataUri)).chains;
    const keyed = rows
      .filter((row) => chain === undefined || chainsOf(row).includes(chain))
      .map((row) => ({ row, key: sortKey(sort, row, totals) }))
      .sort(
        (a, b) =>
          direction * (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) ||
          (a.row.address < b.row.address ? -1 : 1),
      );
    const start = cursor
      ? keyed.findIndex(({ row, key }) => {
          const after = direction * (key < cursor[0] ? -1 : key > cursor[0] ? 1 : 0);
          return after > 0 || (after === 0 && row.address > cursor[1]);
        })
      : 0;
    const page = start === -1 ? [] : keyed.slice(start, start + limit);
    const last = page.at(-1);
    const nextCursor =
      last && start + limit < keyed.length ? encodeCursor([last.key, last.row.address]) : null;
    return respond(c, ProviderList, {
      items: page.map(({ row }) => summary(row, totals, metadata.get(row.metadataUri))),
      nextCursor,
    });
  })
  .get("/providers/:address", async (c) => {
    const address = parseAddress(c.req.param("address"));
    const row = (await db.select().from(provider).where(eq(provider.address, address)))[0];
    if (!row) throw new NotFoundError(`provider ${checksum(address)}`);
    const totals = await protocolRow();
    const metadata = await metadataOf([row]);
    const history = await db
      .select()
      .from(providerEpoch)
      .where(eq(providerEpoch.provider, address))
      .orderBy(desc(providerEpoch.epoch))
      .limit(parseLimit(c.req.query("epochs"), 52, 520));
    return respond(c, ProviderDetail, {
      ...summary(row, totals, metadata.get(row.metadataUri)),
      selfStakeUnbonding: wei(row.selfStakeUnbonding),
      selfStakeReleaseAt: optionalTime(row.selfStakeReleaseAt),
      rewardsTotal: wei(row.rewardsTotal),
      commissionTotal: wei(row.commissionTotal),
      slashedTotal: wei(row.slashedTotal),
      history: history.map((h) => ({
        epoch: Number(h.epoch),
        scoreBps: h.scoreBps,
        poolStake: wei(h.poolStake),
        stakeSeconds: wei(h.stakeSeconds),
        reward: wei(h.reward),
        commission: wei(h.commission),
        settledAt: time(h.settledAt),
      })),
    });
  });
