// GET /v1/proposals, /v1/proposals/:id, /v1/proposals/:id/votes and /v1/accounts/:address/votes.
// A proposal's state depends on the time as well as on its row, so it is derived when read, at the
// newest indexed block's time, with the Governor's own rules (OpenZeppelin `Governor.state`):
// executed, canceled, queued, then Pending until the snapshot, Active until the deadline, then
// Succeeded when for + abstain reach the quorum and for beats against, else Defeated. A state filter
// is the same rules as SQL, so pages stay cursor-paginated in the database.

import { db } from "ponder:api";
import { proposal, vote } from "ponder:schema";
import { Hono } from "hono";
import { and, desc, eq, gte, isNotNull, isNull, lt, not, sql } from "ponder";
import { maxUint256 } from "viem";
import type { z } from "zod";

import { InvalidParameterError, NotFoundError } from "./errors.ts";
import { checksum, optionalTime, parseAddress, time, wei } from "./format.ts";
import { indexedBlock } from "./indexed.ts";
import { decodeCursor, encodeCursor, parseLimit, respond } from "./respond.ts";
import {
  ProposalDetail,
  ProposalList,
  ProposalState,
  type ProposalSummary,
  Support,
  type Vote,
  VoteList,
} from "./schemas.ts";

type ProposalRow = typeof proposal.$inferSelect;
type VoteRow = typeof vote.$inferSelect;
type State = z.infer<typeof ProposalState>;
type Where = ReturnType<typeof and>;

const states = ProposalState.options;
const supports = Support.options;
const kinds = ["provider", "override"] as const;

/** The time states are derived at: the newest indexed block's (the wall clock before the first). */
async function now(): Promise<bigint> {
  return (await indexedBlock())?.timestamp ?? BigInt(Math.floor(Date.now() / 1000));
}

const passed = (p: Pick<ProposalRow, "quorum" | "forVotes" | "againstVotes" | "abstainVotes">) =>
  p.quorum !== null && p.forVotes + p.abstainVotes >= p.quorum && p.forVotes > p.againstVotes;

export function stateOf(p: ProposalRow, at: bigint): State {
  if (p.executedAt !== null) return "Executed";
  if (p.canceledAt !== null) return "Canceled";
  if (p.queuedAt !== null) return "Queued";
  if (p.snapshot >= at) return "Pending";
  if (p.deadline >= at) return "Active";
  return passed(p) ? "Succeeded" : "Defeated";
}

/** `stateOf` as a WHERE clause. */
function stateWhere(state: State, at: bigint): Where {
  const open = and(isNull(proposal.executedAt), isNull(proposal.canceledAt), isNull(proposal.queuedAt));
  const won = sql`(${proposal.quorum} is not null and ${proposal.forVotes} + ${proposal.abstainVotes} >= ${proposal.quorum} and ${proposal.forVotes} > ${proposal.againstVotes})`;
  switch (state) {
    case "Executed":
      return isNotNull(proposal.executedAt);
    case "Canceled":
      return and(isNull(proposal.executedAt), isNotNull(proposal.canceledAt));
    case "Queued":
      return and(isNull(proposal.executedAt), isNull(proposal.canceledAt), isNotNull(proposal.queuedAt));
    case "Pending":
      return and(open, gte(proposal.snapshot, at));
    case "Active":
      return and(open, lt(proposal.snapshot, at), gte(proposal.deadline, at));
    case "Succeeded":
      return and(open, lt(proposal.deadline, at), won);
    case "Defeated":
      return and(open, lt(proposal.deadline, at), not(won));
  }
}

/** The description's first non-empty line, without a Markdown heading mark, at most 200 characters. */
export function titleOf(description: string): string {
  const line = description.split("\n").find((l) => l.trim() !== "") ?? "";
  return line
    .replace(/^\s*#+\s*/, "")
    .trim()
    .slice(0, 200);
}

function summary(p: ProposalRow, at: bigint): z.input<typeof ProposalSummary> {
  return {
    id: p.id.toString(),
    proposer: checksum(p.proposer),
    title: titleOf(p.description),
    state: stateOf(p, at),
    snapshot: time(p.snapshot),
    deadline: time(p.deadline),
    quorum: p.quorum === null ? null : wei(p.quorum),
    tallies: { for: wei(p.forVotes), against: wei(p.againstVotes), abstain: wei(p.abstainVotes) },
    votes: { providers: p.providerVotes, overrides: p.overrides },
    eta: optionalTime(p.eta),
    created: { blockNumber: Number(p.createdBlock), txHash: p.txHash, time: time(p.createdAt) },
    queuedAt: optionalTime(p.queuedAt),
    executedAt: optionalTime(p.executedAt),
    canceledAt: optionalTime(p.canceledAt),
  };
}

function voteItem(v: VoteRow): z.input<typeof Vote> {
  return {
    id: v.id,
    proposalId: v.proposalId.toString(),
    voter: checksum(v.voter),
    kind: v.kind as (typeof kinds)[number],
    support: supports[v.support] ?? "abstain",
    weight: wei(v.weight),
    castWeight: wei(v.castWeight),
    reason: v.reason,
    params: v.params,
    providers: (v.providers ?? []).map(checksum),
    txHash: v.txHash,
    logIndex: v.logIndex,
    blockNumber: Number(v.blockNumber),
    time: time(v.timestamp),
  };
}

/** A path id: a uint256 in decimal or 0x-hex; 400 otherwise. */
export function parseProposalId(value: string): bigint {
  if (/^(\d{1,78}|0x[0-9a-fA-F]{1,64})$/.test(value)) {
    const id = BigInt(value);
    if (id <= maxUint256) return id;
  }
  throw new InvalidParameterError(
    "id",
    `${JSON.stringify(value.slice(0, 80))} is not a proposal id (uint256)`,
  );
}

function parseEnum<const T extends string>(name: string, value: string | undefined, options: readonly T[]) {
  if (value === undefined) return undefined;
  if (!(options as readonly string[]).includes(value))
    throw new InvalidParameterError(name, `must be one of ${options.join(", ")}`);
  return value as T;
}

/** A cursor holding one log position (`<block>-<logIndex>`). */
function logCursor(value: string | undefined): string | undefined {
  const cursor = decodeCursor(value, 1) as [string] | undefined;
  if (cursor && !/^\d{12}-\d{6}$/.test(String(cursor[0])))
    throw new InvalidParameterError("cursor", "not a cursor this endpoint issued");
  return cursor?.[0];
}

type Paging = { limit: number; cursor: string | undefined };

/** `limit` (1..500) and `cursor` of a vote list, checked before anything is looked up. */
const votePaging = (query: Record<string, string | undefined>): Paging => ({
  limit: parseLimit(query.limit, 50, 500),
  cursor: logCursor(query.cursor),
});

/** A page of votes, newest first. */
async function votePage(where: Where, { limit, cursor }: Paging) {
  const rows = await db
    .select()
    .from(vote)
    .where(cursor ? and(where, lt(vote.id, cursor)) : where)
    .orderBy(desc(vote.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(voteItem),
    nextCursor: rows.length > limit && last ? encodeCursor([last.id]) : null,
  };
}

async function findProposal(idParam: string): Promise<ProposalRow> {
  const id = parseProposalId(idParam);
  const row = (await db.select().from(proposal).where(eq(proposal.id, id)))[0];
  if (!row) throw new NotFoundError(`proposal ${id}`);
  return row;
}

export const proposals = new Hono()
  .get("/proposals", async (c) => {
    const query = c.req.query();
    const state = parseEnum("state", query.state, states);
    const proposer = query.proposer === undefined ? undefined : parseAddress(query.proposer, "proposer");
    const limit = parseLimit(query.limit, 20, 100);
    const cursor = logCursor(query.cursor);
    const at = await now();
    const rows = await db
      .select()
      .from(proposal)
      .where(
        and(
          state ? stateWhere(state, at) : undefined,
          proposer ? eq(proposal.proposer, proposer) : undefined,
          cursor ? lt(proposal.createdId, cursor) : undefined,
        ),
      )
      .orderBy(desc(proposal.createdId))
      .limit(limit + 1);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return respond(c, ProposalList, {
      items: page.map((p) => summary(p, at)),
      nextCursor: rows.length > limit && last ? encodeCursor([last.createdId]) : null,
      asOf: time(at),
    });
  })
  .get("/proposals/:id", async (c) => {
    const row = await findProposal(c.req.param("id"));
    const at = await now();
    return respond(c, ProposalDetail, {
      ...summary(row, at),
      description: row.description,
      actions: row.targets.map((target, i) => ({
        target: checksum(target),
        value: row.values[i] ?? "0",
        signature: row.signatures[i] ?? "",
        calldata: (row.calldatas[i] ?? "0x").toLowerCase(),
      })),
      asOf: time(at),
    });
  })
  .get("/proposals/:id/votes", async (c) => {
    const query = c.req.query();
    const kind = parseEnum("kind", query.kind, kinds);
    const support = parseEnum("support", query.support, supports);
    const paging = votePaging(query);
    const row = await findProposal(c.req.param("id"));
    const where = and(
      eq(vote.proposalId, row.id),
      kind ? eq(vote.kind, kind) : undefined,
      support ? eq(vote.support, supports.indexOf(support)) : undefined,
    );
    return respond(c, VoteList, await votePage(where, paging));
  })
  .get("/accounts/:address/votes", async (c) => {
    const address = parseAddress(c.req.param("address"));
    return respond(c, VoteList, await votePage(eq(vote.voter, address), votePaging(c.req.query())));
  });
