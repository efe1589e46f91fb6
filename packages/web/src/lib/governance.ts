// Governance for people: a proposal's title, its tallies against the quorum, where it is in its
// lifecycle in words, and which buttons its state allows. Pure, so the rules are unit-tested.
import type { Proposal } from "@ankr-staking/sdk";

import { ankr, relative } from "./format.ts";

type Votes = Proposal["votes"];

/** The description's first line without Markdown heading marks, or a placeholder. */
export function proposalTitle(description: string): string {
  const line = description.split("\n").find((l) => l.trim() !== "") ?? "";
  return line.replace(/^#+\s*/, "").trim() || "(no description)";
}

/** The description after its title line, for the proposal page. */
export function proposalBody(description: string): string {
  const lines = description.split("\n");
  const first = lines.findIndex((l) => l.trim() !== "");
  return first < 0
    ? ""
    : lines
        .slice(first + 1)
        .join("\n")
        .trim();
}

export type TallyView = {
  total: bigint;
  /** Each side's share of the votes cast, 0..1 (0 when none are cast). */
  share: { for: number; against: number; abstain: number };
  /** For + abstain: what the quorum counts. */
  towardQuorum: bigint;
  quorumReached: boolean;
  /** towardQuorum / quorum, capped at 1. */
  quorumProgress: number;
  /** What quorum still needs (0 once reached). */
  quorumMissing: bigint;
  /** For beats against (ties fail). */
  passing: boolean;
};

const ratio = (part: bigint, whole: bigint) => (whole === 0n ? 0 : Number((part * 1_000_000n) / whole) / 1e6);

export function tallyView(votes: Votes, quorum: bigint): TallyView {
  const total = votes.for + votes.against + votes.abstain;
  const towardQuorum = votes.for + votes.abstain;
  const quorumReached = towardQuorum >= quorum;
  return {
    total,
    share: {
      for: ratio(votes.for, total),
      against: ratio(votes.against, total),
      abstain: ratio(votes.abstain, total),
    },
    towardQuorum,
    quorumReached,
    quorumProgress: quorum === 0n ? 1 : Math.min(1, ratio(towardQuorum, quorum)),
    quorumMissing: quorumReached ? 0n : quorum - towardQuorum,
    passing: votes.for > votes.against,
  };
}

type Timed = Pick<Proposal, "state" | "snapshot" | "deadline" | "eta">;

/** One sentence saying where the proposal is and what comes next, on chain time `now`. */
export function proposalTiming(p: Timed, now: bigint): string {
  switch (p.state) {
    case "Pending":
      return `Voting opens ${relative(p.snapshot, now)}`;
    case "Active":
      return `Voting closes ${relative(p.deadline, now)}`;
    case "Succeeded":
      return `Passed; voting closed ${relative(p.deadline, now)}. Queue it to start the timelock.`;
    case "Defeated":
      return `Rejected; voting closed ${relative(p.deadline, now)}`;
    case "Queued":
      return p.eta > now ? `Queued; executable ${relative(p.eta, now)}` : "Queued; executable now";
    case "Executed":
      return "Executed";
    case "Canceled":
      return "Canceled";
    case "Expired":
      return "Expired: it was not executed in time";
  }
}

export type ProposalActions = {
  vote: boolean;
  queue: boolean;
  execute: boolean;
  /** Queued but its timelock delay is not over: execute waits until then. */
  executeAt?: bigint;
};

/** Which writes the proposal's state allows (anyone may queue and execute). */
export function proposalActions(p: Timed, now: bigint): ProposalActions {
  const queued = p.state === "Queued";
  return {
    vote: p.state === "Active",
    queue: p.state === "Succeeded",
    execute: queued && p.eta <= now,
    ...(queued && p.eta > now ? { executeAt: p.eta } : {}),
  };
}

export type OverrideRow = { provider: `0x${string}`; stake: bigint };

/** The stake an override naming `selected` moves out of those providers' votes. */
export function overrideMoves(rows: readonly OverrideRow[], selected: ReadonlySet<string>): bigint {
  return rows.reduce((sum, r) => (selected.has(r.provider) ? sum + r.stake : sum), 0n);
}

/** "1,000 ANKR from Acme RPC and 500 ANKR from Beta Nodes". */
export function overrideSentence(
  rows: readonly OverrideRow[],
  selected: ReadonlySet<string>,
  name: (provider: `0x${string}`) => string,
): string {
  const parts = rows
    .filter((r) => selected.has(r.provider))
    .map((r) => `${ankr(r.stake)} from ${name(r.provider)}`);
  if (parts.length <= 1) return parts[0] ?? "nothing";
  return `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}
