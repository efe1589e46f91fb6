import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

import type { ScoredSample } from "../src/scoring/score.ts";
import { Store } from "../src/store.ts";

const dir = mkdtempSync(join(tmpdir(), "oracle-store-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sample = (ok: boolean, head = 10): ScoredSample => ({
  provider: "0xp",
  chain: "eth",
  endpoint: "https://e",
  ok,
  head,
  latencyMs: 100,
  lag: 0,
  latencyBps: ok ? 10_000 : 0,
  freshnessBps: ok ? 9000 : 0,
});

describe("store", () => {
  it("keeps tallies, recent samples and submissions across a restart", async () => {
    const path = join(dir, "member.sqlite");
    const store = await Store.open(path);
    for (let i = 0; i < 12; i++) store.recordRound(3, ["0xp", "0xq"], [sample(i % 4 !== 0, i)], 1000 + i);
    store.recordSubmission({ epoch: 3, listHash: "0xh", txHash: "0xt", status: "sent", scores: "0x2710" });
    store.close();

    const reopened = await Store.open(path);
    // What the score reads: rounds per provider (0xq declared nothing), points per provider and chain.
    expect(reopened.providerTally(3, "0xp")).toEqual({
      rounds: 12,
      chains: new Map([["eth", { declaredRounds: 12, points: 9 * (40_000 + 3 * 10_000 + 3 * 9000) }]]),
    });
    expect(reopened.providerTally(3, "0xq")).toEqual({ rounds: 12, chains: new Map() });
    expect(reopened.measured(3)).toBe(true);
    expect(reopened.measured(4)).toBe(false);
    expect(reopened.latestMeasuredEpoch()).toBe(3);
    // Per endpoint, under its key: any spelling of it finds the same tally.
    expect(reopened.tally(3, "0xp", "eth", "HTTPS://E/?x=1")).toEqual(
      reopened.tally(3, "0xp", "eth", "https://e"),
    );
    expect(reopened.endpointTallies(3, "0xp").map((t) => [t.chain, t.endpoint, t.tally.rounds])).toEqual([
      ["eth", "https://e", 12],
    ]);
    expect(reopened.tally(3, "0xp", "eth", "https://e")).toEqual({
      rounds: 12,
      ok: 9,
      latencyPoints: 90_000,
      freshnessPoints: 81_000,
    });
    const samples = reopened.samples(3, "0xp");
    expect(samples).toHaveLength(10);
    expect(samples[0]?.at).toBe(1011);
    expect(reopened.submissions(3)).toEqual([
      { epoch: 3, listHash: "0xh", txHash: "0xt", status: "sent", scores: "0x2710" },
    ]);
    reopened.recordSubmission({
      epoch: 3,
      listHash: "0xh",
      txHash: "0xt",
      status: "confirmed",
      scores: "0x2710",
    });
    expect(reopened.submissions(3)[0]?.status).toBe("confirmed");
    expect(reopened.tally(4, "0xp", "eth", "https://e").rounds).toBe(0);
    reopened.close();
  });
});
