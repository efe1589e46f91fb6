// An oracle committee on the test chain (see test/committee.ts), then two members report.
import { tmpdir } from "node:os";
import type { Hex } from "viem";
import { beforeEach, describe, expect, test } from "vitest";
import { deployCommittee } from "../../../test/committee.js";
import {
  A,
  address,
  B,
  client,
  type deployment,
  increaseTime,
  isolate,
  now,
  reader,
  rpcUrl,
} from "../../../test/fixtures.js";
import { oracleCommitteeAbi } from "../../abis/generated.js";
import { createStakingClient } from "../../client/createStakingClient.js";
import { ContractRevertError } from "../../errors/contract.js";
import { MissingScoreError, packScores, reportListHash } from "./scoreRound.js";
import { OracleNotDeployedError } from "./submitReport.js";

isolate();

let withCommittee: typeof deployment;

beforeEach(async () => {
  withCommittee = (await deployCommittee(["alice", "bob"], 2n, tmpdir())).deployment;
});

const member = (actor: "alice" | "bob" | "carol") =>
  createStakingClient({
    deployment: withCommittee,
    rpcUrl,
    account: client(actor).account,
    pollingInterval: 50,
  });

describe("oracle committee reports", () => {
  test("the report completing the quorum settles the epoch with the median score", async () => {
    const { nextSettleableAt } = await reader.getEpoch();
    await increaseTime(nextSettleableAt - (await now()) + 1n);
    const first = await member("alice").submitReport({ scores: { [A]: 9_000 }, defaultScoreBps: 10_000 });
    expect(first.settled).toBe(false);
    expect(first.round.providers).toEqual([A, B].sort((x, y) => (BigInt(x) < BigInt(y) ? -1 : 1)));
    expect(
      await member("bob").getReportStatus({ epoch: first.round.epoch, member: address("alice") }),
    ).toEqual({ reports: 1n, reported: true });
    const second = await member("bob").submitReport({ scores: { [A]: 7_000 }, defaultScoreBps: 10_000 });
    expect(second.settled).toBe(true);
    expect((await reader.getProvider({ provider: A })).lastScoreBps).toBe(8_000n); // the median of two reports is their mean
    expect((await reader.getEpoch()).nextEpochToSettle).toBe(first.round.epoch + 1n);
  });

  test("refusals: not a member, epoch not ended, missing score, no committee", async () => {
    await expect(member("alice").submitReport({ defaultScoreBps: 10_000 })).rejects.toThrow(
      /epoch 0 has not ended/,
    );
    const { nextSettleableAt } = await reader.getEpoch();
    await increaseTime(nextSettleableAt - (await now()) + 1n);
    const outsider = await member("carol")
      .submitReport({ defaultScoreBps: 10_000 })
      .catch((e: unknown) => e);
    expect(outsider).toBeInstanceOf(ContractRevertError);
    expect((outsider as Error).message).toContain("is not an oracle committee member");
    await expect(member("alice").submitReport({ scores: { [A]: 1 } })).rejects.toBeInstanceOf(
      MissingScoreError,
    );
    await expect(client("alice").submitReport({ defaultScoreBps: 1 })).rejects.toBeInstanceOf(
      OracleNotDeployedError,
    );
  });

  test("packScores and reportListHash match the committee's own encoding", async () => {
    expect(packScores([10_000, 0, 258])).toBe("0x271000000102");
    const onChain = await reader.publicClient.readContract({
      address: withCommittee.oracleCommittee as Hex,
      abi: oracleCommitteeAbi,
      functionName: "listHash",
      args: [[A, B]],
    });
    expect(reportListHash([A, B])).toBe(onChain);
  });
});
