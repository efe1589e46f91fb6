import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";

import { deployCommittee } from "../../../sdk/test/committee.js";
import { A, cli, expectWrite, increaseTime, isolate, now, reader } from "../../test/cli.js";

isolate();

describe("operator commands", () => {
  test("settle refuses an epoch that has not ended, then settles; claim and restake pay", async () => {
    expect((await cli(["stake", A, "10,000"], { actor: "alice" })).code).toBe(0);
    const early = await cli(["settle", "--default-score", "10000"], { actor: "settler" });
    expect(early.code).toBe(2);
    expect(early.stderr).toMatch(/^error: epoch 0 ends .*; it cannot be settled before/);

    const { nextSettleableAt } = await reader.getEpoch();
    await increaseTime(nextSettleableAt - (await now()) + 1n);
    const missing = await cli(["settle"], { actor: "settler" });
    expect(missing).toMatchObject({ code: 2 });
    expect(missing.stderr).toMatch(/^error: no score for scored provider/);
    const unauthorized = await cli(["settle", "--default-score", "10000"], { actor: "alice" });
    expect(unauthorized.code).toBe(1);
    expect(unauthorized.stderr).toContain("lacks SETTLER_ROLE");

    const settled = await cli(["settle", "--default-score", "10000", "--score", `${A}=9000`, "--json"], {
      actor: "settler",
    });
    expect(settled.code).toBe(0);
    const doc = settled.json<{ epoch: string; budget: string; events: { event: string }[] }>();
    expect(doc.epoch).toBe("0");
    expect(BigInt(doc.budget)).toBeGreaterThan(0n);
    expect(doc.events.filter((e) => e.event === "ProvidersSettled")).toHaveLength(1);

    await increaseTime(3600);
    const claimed = await cli(["claim", "--json"], { actor: "alice" });
    expect(BigInt(claimed.json<{ claimed: string }>().claimed)).toBeGreaterThan(0n);
    await increaseTime(3600);
    const restaked = expectWrite(await cli(["restake", A, "--json"], { actor: "alice" }), "restake", [
      "RewardsRestaked",
    ]);
    expect(BigInt((restaked as unknown as { restaked: string }).restaked)).toBeGreaterThan(0n);
    expect((await cli(["provider", A, "--json"])).json<{ yield: { epochs: number } }>().yield.epochs).toBe(1);
  });

  test("without SETTLER_ROLE, settle goes through the oracle committee; members report", async () => {
    const committee = await deployCommittee(
      ["alice", "bob"],
      2n,
      mkdtempSync(join(tmpdir(), "cli-committee-")),
    );
    const withCommittee = { env: { ANKR_DEPLOYMENT: committee.file } };
    const { nextSettleableAt, nextEpochToSettle } = await reader.getEpoch();
    await increaseTime(nextSettleableAt - (await now()) + 1n);

    const reported = await cli(["report", "--default-score", "10000", "--score", `${A}=6000`, "--json"], {
      actor: "alice",
      ...withCommittee,
    });
    expect(reported.code).toBe(0);
    expect(reported.json()).toMatchObject({
      status: "success",
      function: "submitReport",
      settled: false,
      reports: "1",
    });

    const withScores = await cli(["settle", "--default-score", "10000"], {
      actor: "carol",
      ...withCommittee,
    });
    expect(withScores.code).toBe(2);
    expect(withScores.stderr).toMatch(
      /^error: you lack SETTLER_ROLE: only the oracle committee 0x\w+ settles here/,
    );
    const short = await cli(["settle"], { actor: "carol", ...withCommittee });
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/^error: only 1 of the 2 reports the quorum needs are in/);

    // Governance removes bob: the quorum drops to the one member left, whose report is in.
    await committee.removeMember("bob");
    const dry = await cli(["settle", "--dry-run", "--json"], { actor: "carol", ...withCommittee });
    expect(dry.json()).toMatchObject({ status: "simulated", function: "settle", via: "committee" });
    const settled = await cli(["settle", "--json"], { actor: "carol", ...withCommittee });
    expect(settled.code).toBe(0);
    const doc = settled.json<{ function: string; via: string; epoch: string; budget: string }>();
    expect(doc).toMatchObject({ function: "settle", via: "committee", epoch: String(nextEpochToSettle) });
    expect(BigInt(doc.budget)).toBeGreaterThan(0n);
    expect((await reader.getProvider({ provider: A })).lastScoreBps).toBe(6_000n);
  });

  test("fund approves the vault and adds to it", async () => {
    const before = (await reader.getTotals()).vaultBalance;
    const funded = await cli(["fund", "1,000", "--json"], { actor: "bob" });
    expect(funded.json<{ tokenStep: { kind: string } }>().tokenStep.kind).toBe("approve");
    expect((await reader.getTotals()).vaultBalance - before).toBe(1_000n * 10n ** 18n);
  });
});
