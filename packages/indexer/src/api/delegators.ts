// GET /v1/delegators/:address (positions, pending rewards, unbonding queue), its history and the
// tax-ready CSV export. Pending rewards move every second, so they are read from the contract at
// the newest indexed block (one multicall); everything else comes from the tables. A position is
// listed while it holds stake or rewards to claim: a delegator that fully unstaked still sees
// what it can claim there.

import { db, publicClients } from "ponder:api";
import { action, delegation, provider, unbondingEntry } from "ponder:schema";
import { ankrStakingAbi } from "@ankr-staking/sdk";
import { Hono } from "hono";
import { and, desc, eq, gt, lt } from "ponder";
import { type Address, formatUnits } from "viem";
import type { z } from "zod";

import { indexedDeployment } from "../deployment.ts";
import { InvalidParameterError } from "./errors.ts";
import { checksum, parseAddress, time, wei } from "./format.ts";
import { indexedBlock } from "./indexed.ts";
import { metadataFields, metadataOf } from "./metadata.ts";
import { cached, decodeCursor, encodeCursor, parseLimit, respond } from "./respond.ts";
import { Delegator, History, type HistoryItem } from "./schemas.ts";

const stakingAddress = indexedDeployment().staking;

type ActionRow = typeof action.$inferSelect;

function historyItem(row: ActionRow): z.input<typeof HistoryItem> {
  return {
    id: row.id,
    kind: row.kind,
    provider: row.provider ? checksum(row.provider) : null,
    toProvider: row.toProvider ? checksum(row.toProvider) : null,
    amount: wei(row.amount),
    txHash: row.txHash,
    logIndex: row.logIndex,
    blockNumber: Number(row.blockNumber),
    time: time(row.timestamp),
  };
}

/** The CSV's page size: one request never makes the server build more rows than this. */
export const CSV_MAX_ROWS = 10_000;

/** A page of `account`'s actions after the cursor: newest first (JSON), or oldest first (CSV). */
async function historyPage(
  account: Address,
  cursorParam: string | undefined,
  limit: number,
  order: "newest" | "oldest" = "newest",
) {
  const cursor = decodeCursor(cursorParam, 1) as [string] | undefined;
  if (cursor && !/^\d{12}-\d{6}$/.test(cursor[0]))
    throw new InvalidParameterError("cursor", "not a cursor this endpoint issued");
  const after = order === "newest" ? lt : gt;
  const rows = await db
    .select()
    .from(action)
    .where(
      cursor ? and(eq(action.account, account), after(action.id, cursor[0])) : eq(action.account, account),
    )
    .orderBy(order === "newest" ? desc(action.id) : action.id)
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { page, nextCursor: rows.length > limit && last ? encodeCursor([last.id]) : null };
}

const csvCell = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
const csvHeader = [
  "date_utc",
  "unix_time",
  "action",
  "provider",
  "to_provider",
  "amount_ankr",
  "amount_wei",
  "tx_hash",
  "log_index",
  "block",
];

export const delegators = new Hono()
  .get("/delegators/:address", async (c) => {
    const address = parseAddress(c.req.param("address"));
    const block = await indexedBlock();
    const rows = await db
      .select({ d: delegation, metadataUri: provider.metadataUri })
      .from(delegation)
      .leftJoin(provider, eq(provider.address, delegation.provider))
      .where(eq(delegation.delegator, address));
    const client = publicClients.protocol;
    // Every row is read, not only those with stake: rewards stay claimable after a full exit.
    const readAt = (blockNumber: bigint) =>
      Promise.all(
        rows.map(({ d }) =>
          client.readContract({
            abi: ankrStakingAbi,
            address: stakingAddress,
            functionName: "pendingRewards",
            args: [d.provider, address],
            blockNumber,
          }),
        ),
      );
    let atBlock = block?.number ?? 0n;
    // A node that prunes old state cannot answer at the indexed block when the indexer lags; the
    // head is then the nearest answer, and `atBlock` says which block it is.
    const rewards = await readAt(atBlock).catch(async () => {
      atBlock = await client.getBlockNumber();
      return readAt(atBlock);
    });
    // A fully exited and fully claimed position drops out; a provider's own row always shows.
    const positions = rows
      .map((row, i) => ({ ...row, pending: rewards[i] ?? 0n }))
      .filter(({ d, pending }) => d.stake > 0n || pending > 0n || d.provider === address);
    const metadata = await metadataOf(
      positions.flatMap(({ metadataUri }) => (metadataUri === null ? [] : [{ metadataUri }])),
    );
    const queue = await db
      .select()
      .from(unbondingEntry)
      .where(and(eq(unbondingEntry.account, address), eq(unbondingEntry.withdrawn, false)))
      .orderBy(unbondingEntry.entryId);
    const now = block?.timestamp ?? 0n;
    return respond(c, Delegator, {
      address: checksum(address),
      totalStake: wei(positions.reduce((sum, { d }) => sum + d.stake, 0n)),
      pendingRewards: wei(positions.reduce((sum, { pending }) => sum + pending, 0n)),
      atBlock: Number(atBlock),
      positions: positions.map(({ d, metadataUri, pending }) => ({
        provider: checksum(d.provider),
        providerName: metadataUri === null ? null : metadataFields(metadata.get(metadataUri)).name,
        stake: wei(d.stake),
        pendingRewards: wei(pending),
        claimed: wei(d.claimed),
        restaked: wei(d.restaked),
      })),
      unbonding: queue.map((e) => ({
        entryId: e.entryId.toString(),
        provider: checksum(e.provider),
        amount: wei(e.amount),
        releaseAt: time(e.releaseAt),
        withdrawable: e.releaseAt <= now,
      })),
    });
  })
  .get("/delegators/:address/history", async (c) => {
    const address = parseAddress(c.req.param("address"));
    const { page, nextCursor } = await historyPage(
      address,
      c.req.query("cursor"),
      parseLimit(c.req.query("limit"), 50, 500),
    );
    return respond(c, History, { items: page.map(historyItem), nextCursor });
  })
  .get("/delegators/:address/history.csv", async (c) => {
    const address = parseAddress(c.req.param("address"));
    const limit = parseLimit(c.req.query("limit"), CSV_MAX_ROWS, CSV_MAX_ROWS);
    const { page, nextCursor } = await historyPage(address, c.req.query("cursor"), limit, "oldest");
    const lines = [csvHeader.join(",")];
    for (const row of page) {
      const item = History.shape.items.element.parse(historyItem(row));
      lines.push(
        [
          item.time.iso.replace("T", " ").replace(/\.\d+Z$/, ""),
          String(item.time.unix),
          item.kind,
          item.provider ?? "",
          item.toProvider ?? "",
          formatUnits(row.amount, 18),
          item.amount,
          item.txHash,
          String(item.logIndex),
          String(item.blockNumber),
        ]
          .map(csvCell)
          .join(","),
      );
    }
    c.header("Content-Disposition", `attachment; filename="ankr-staking-${checksum(address)}.csv"`);
    // More rows than one page: the next page's address (RFC 8288), the file itself stays plain CSV.
    // Built from what this route reads, never the request's query string: the response cache keys
    // by those parameters only, so an echoed one would be served to the next client of the entry.
    if (nextCursor) {
      const next = new URLSearchParams(c.req.query("limit") === undefined ? {} : { limit: String(limit) });
      next.set("cursor", nextCursor);
      c.header("Link", `<${new URL(c.req.url).pathname}?${next}>; rel="next"`);
      c.header("X-Next-Cursor", nextCursor);
    }
    // CRLF line ends (RFC 4180) open cleanly in every spreadsheet.
    return cached(c, `${lines.join("\r\n")}\r\n`, "text/csv; charset=utf-8");
  });
