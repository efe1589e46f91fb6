import { parseAmount } from "@ankr-staking/sdk";
import { describe, expect, test } from "vitest";

import {
  overrideMoves,
  overrideSentence,
  proposalActions,
  proposalBody,
  proposalTiming,
  proposalTitle,
  tallyView,
} from "./governance.ts";

const A = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const B = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
const DAY = 86_400n;

describe("proposal text", () => {
  test("title is the first non-empty line without heading marks; body the rest", () => {
    expect(proposalTitle("\n# Admit Carol Nodes\n\nThey serve eth.")).toBe("Admit Carol Nodes");
    expect(proposalTitle("   ")).toBe("(no description)");
    expect(proposalBody("\n# Admit Carol Nodes\n\nThey serve eth.")).toBe("They serve eth.");
    expect(proposalBody("")).toBe("");
  });
});

describe("tallyView", () => {
  const votes = (f: string, a: string, ab: string) => ({
    for: parseAmount(f),
    against: parseAmount(a),
    abstain: parseAmount(ab),
  });
  test("shares of the votes cast and quorum counted as for + abstain", () => {
    const t = tallyView(votes("300", "100", "100"), parseAmount("500"));
    expect(t.total).toBe(parseAmount("500"));
    expect(t.share).toEqual({ for: 0.6, against: 0.2, abstain: 0.2 });
    expect(t.towardQuorum).toBe(parseAmount("400"));
    expect(t.quorumReached).toBe(false);
    expect(t.quorumProgress).toBe(0.8);
    expect(t.quorumMissing).toBe(parseAmount("100"));
    expect(t.passing).toBe(true);
  });
  test("no votes: zero shares, nothing reached; a tie does not pass", () => {
    const none = tallyView(votes("0", "0", "0"), parseAmount("1"));
    expect(none.share).toEqual({ for: 0, against: 0, abstain: 0 });
    expect(none.quorumReached).toBe(false);
    const tie = tallyView(votes("5", "5", "0"), parseAmount("5"));
    expect(tie.quorumReached).toBe(true);
    expect(tie.quorumMissing).toBe(0n);
    expect(tie.quorumProgress).toBe(1);
    expect(tie.passing).toBe(false);
  });
});

describe("lifecycle", () => {
  const now = 1_000_000n;
  const p = (state: Parameters<typeof proposalActions>[0]["state"], eta = 0n) => ({
    state,
    snapshot: now + DAY,
    deadline: now + 5n * DAY,
    eta,
  });
  test("timing in words on chain time", () => {
    expect(proposalTiming(p("Pending"), now)).toBe("Voting opens in 1 day");
    expect(proposalTiming(p("Active"), now)).toBe("Voting closes in 5 days");
    expect(proposalTiming(p("Queued", now + 2n * DAY), now)).toBe("Queued; executable in 2 days");
    expect(proposalTiming(p("Queued", now), now)).toBe("Queued; executable now");
    expect(proposalTiming({ ...p("Defeated"), deadline: now - 3600n }, now)).toBe(
      "Rejected; voting closed 1 h ago",
    );
  });
  test("buttons follow the state: vote while Active, queue once Succeeded, execute after the eta", () => {
    expect(proposalActions(p("Pending"), now)).toEqual({ vote: false, queue: false, execute: false });
    expect(proposalActions(p("Active"), now)).toEqual({ vote: true, queue: false, execute: false });
    expect(proposalActions(p("Succeeded"), now)).toEqual({ vote: false, queue: true, execute: false });
    expect(proposalActions(p("Queued", now + 10n), now)).toEqual({
      vote: false,
      queue: false,
      execute: false,
      executeAt: now + 10n,
    });
    expect(proposalActions(p("Queued", now), now)).toEqual({ vote: false, queue: false, execute: true });
    expect(proposalActions(p("Executed", now), now)).toEqual({ vote: false, queue: false, execute: false });
  });
});

describe("override", () => {
  const rows = [
    { provider: A, stake: parseAmount("1,000") },
    { provider: B, stake: parseAmount("500") },
  ] as const;
  const name = (p: string) => (p === A ? "Acme RPC" : "Beta Nodes");
  test("moves the stake at the providers named, and says so", () => {
    expect(overrideMoves(rows, new Set([A, B]))).toBe(parseAmount("1,500"));
    expect(overrideMoves(rows, new Set([B]))).toBe(parseAmount("500"));
    expect(overrideSentence(rows, new Set([A, B]), name)).toBe(
      "1,000 ANKR from Acme RPC and 500 ANKR from Beta Nodes",
    );
    expect(overrideSentence(rows, new Set([A]), name)).toBe("1,000 ANKR from Acme RPC");
    expect(overrideSentence(rows, new Set(), name)).toBe("nothing");
  });
});
