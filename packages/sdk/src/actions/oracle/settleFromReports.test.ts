import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, test } from "vitest";

import { type Committee, deployCommittee } from "../../../test/committee.js";
import { A, client, increaseTime, isolate, now, reader, rpcUrl } from "../../../test/fixtures.js";
import { createStakingClient } from "../../client/createStakingClient.js";
import { OracleQuorumNotReachedError } from "../../errors/contract.js";
import { OracleNotDeployedError } from "./submitReport.js";

isolate();

let committee: Committee;
beforeEach(async () => {
  committee = await deployCommittee(["alice", "bob"], 2n, mkdtempSync(join(tmpdir(), "committee-")));
});

const as = (actor: "alice" | "bob" | "carol") =>
  createStakingClient({
    deployment: committee.deployment,
    rpcUrl,
    account: client(actor).account,
    pollingInterval: 50,
  });

describe("settling from the committee's reports", () => {
  test("anyone settles once the reports in reach the quorum; not before", async () => {
    const { nextSettleableAt, nextEpochToSettle } = await reader.getEpoch();
    await increaseTime(nextSettleableAt - (await now()) + 1n);
    await as("alice").submitReport({ scores: { [A]: 6_000 }, defaultScoreBps: 10_000 });

    const early = await as("carol")
      .settleFromReports()
      .catch((e: unknown) => e);
    expect(early).toBeInstanceOf(OracleQuorumNotReachedError);
    expect((early as Error).message).toMatch(/^only 1 of the 2 reports the quorum needs are in/);

    // Governance removes bob, the member the round waits for: the quorum drops to the one member
    // left (a committee of two needs both reports, so it cannot be lowered), alice's report alone
    // now suffices, and carol (no member, no role) settles the epoch with it.
    await committee.removeMember("bob");
    const settled = await as("carol").settleFromReports();
    expect(settled.epoch).toBe(nextEpochToSettle);
    expect(settled.events.some((e) => e.eventName === "EpochSettled")).toBe(true);
    expect((await reader.getProvider({ provider: A })).lastScoreBps).toBe(6_000n);
    expect((await reader.getEpoch()).nextEpochToSettle).toBe(nextEpochToSettle + 1n);
  });

  test("a deployment without a committee is a typed error", async () => {
    await expect(client("carol").settleFromReports()).rejects.toBeInstanceOf(OracleNotDeployedError);
  });

  test("hasRole tells a settler from anyone else", async () => {
    const { oracleCommittee } = committee.deployment;
    if (!oracleCommittee) throw new Error("no committee");
    expect(await reader.hasRole({ role: "SETTLER_ROLE", account: oracleCommittee })).toBe(true);
    expect(await reader.hasRole({ role: "SETTLER_ROLE", account: A })).toBe(false);
  });
});
