// GET /v1/epochs, /v1/stats and /v1/health (indexed block against the chain head).

import { db } from "ponder:api";
import { delegation, epoch, protocol, provider } from "ponder:schema";
import { Hono } from "hono";
import { and, count, countDistinct, desc, eq, gt, lt, ne } from "ponder";

import { InvalidParameterError } from "./errors.ts";
import { time, wei } from "./format.ts";
import { headBlock, indexedBlock } from "./indexed.ts";
import { decodeCursor, encodeCursor, parseLimit, respond } from "./respond.ts";
import { EpochList, Health, Stats } from "./schemas.ts";

const maxLagBlocks = Number(process.env.HEALTH_MAX_LAG_BLOCKS ?? 50);

export const protocolRoutes = new Hono()
  .get("/epochs", async (c) => {
    const limit = parseLimit(c.req.query("limit"), 20, 100);
    const cursor = decodeCursor(c.req.query("cursor"), 1) as [number] | undefined;
    if (cursor && (typeof cursor[0] !== "number" || !Number.isSafeInteger(cursor[0])))
      throw new InvalidParameterError("cursor", "not a cursor this endpoint issued");
    const rows = await db
      .select()
      .from(epoch)
      .where(cursor ? lt(epoch.number, BigInt(cursor[0])) : undefined)
      .orderBy(desc(epoch.number))
      .limit(limit + 1);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return respond(c, EpochList, {
      items: page.map((e) => ({
        epoch: Number(e.number),
        budget: wei(e.budget),
        distributed: wei(e.distributed),
        totalWeight: wei(e.totalWeight),
        rewardReserve: wei(e.rewardReserve),
        providers: e.providers,
        reports: e.reports,
        settledAt: time(e.settledAt),
        txHash: e.txHash,
      })),
      nextCursor: rows.length > limit && last ? encodeCursor([Number(last.number)]) : null,
    });
  })
  .get("/stats", async (c) => {
    const totals = (await db.select().from(protocol).where(eq(protocol.id, "protocol")))[0];
    const providers = await db.select({ status: provider.status, apy: provider.apy4 }).from(provider);
    const active = providers.filter((p) => p.status === "Active");
    const apys = active.map((p) => p.apy);
    const [delegators] = await db
      .select({ n: countDistinct(delegation.delegator) })
      .from(delegation)
      .where(and(gt(delegation.stake, 0n), ne(delegation.delegator, delegation.provider)));
    const [epochs] = await db.select({ n: count() }).from(epoch);
    return respond(c, Stats, {
      totalStaked: wei(totals?.totalStaked ?? 0n),
      globalCap: wei(totals?.globalCap ?? 0n),
      providers: { total: providers.length, active: active.length },
      delegators: Number(delegators?.n ?? 0),
      apyRange: apys.length ? { min: Math.min(...apys), max: Math.max(...apys) } : null,
      epochsSettled: Number(epochs?.n ?? 0),
      vaultBalance: wei(totals?.vaultBalance ?? 0n),
      paused: totals?.paused ?? false,
    });
  })
  .get("/health", async (c) => {
    const [indexed, head] = await Promise.all([indexedBlock(), headBlock()]);
    const indexedNumber = Number(indexed?.number ?? 0n);
    const lag = head === undefined ? null : Math.max(0, Number(head) - indexedNumber);
    const ok = indexed !== undefined && lag !== null && lag <= maxLagBlocks;
    return respond(
      c,
      Health,
      {
        ok,
        indexedBlock: indexedNumber,
        indexedAt: indexed ? time(indexed.timestamp) : null,
        headBlock: head === undefined ? null : Number(head),
        lagBlocks: lag,
        maxLagBlocks,
      },
      ok ? 200 : 503,
    );
  });
