// buildProposal's committee change, against a committee on the test chain: it refuses what the
// committee would refuse at execution (a quorum outside its rule, members it does not have or
// already has), and what it accepts the committee runs as the timelock would.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, test } from "vitest";

import { type Committee, deployCommittee } from "../../../test/committee.js";
import { address, client, impersonate, isolate, rpcUrl } from "../../../test/fixtures.js";
import { oracleCommitteeAbi } from "../../abis/generated.js";
import { createStakingClient } from "../../client/createStakingClient.js";
import { ProposalBuildError } from "./buildProposal.js";

isolate();

let committee: Committee;
beforeEach(async () => {
  committee = await deployCommittee(
    ["alice", "bob", "carol", "settler"],
    3n,
    mkdtempSync(join(tmpdir(), "committee-")),
  );
});

const builder = () =>
  createStakingClient({ deployment: committee.deployment, rpcUrl, account: client("admin").account });

describe("buildProposal: setOracleCommittee", () => {
  test("refuses a quorum the committee would refuse, and unknown or duplicate members", async () => {
    const build = (spec: {
      add?: ("guardian" | "alice")[];
      remove?: ("bob" | "guardian")[];
      quorum: bigint;
    }) =>
      builder()
        .buildProposal({
          kind: "setOracleCommittee",
          add: spec.add?.map(address),
          remove: spec.remove?.map(address),
          quorum: spec.quorum,
        })
        .catch((e: unknown) => e);
    // Two of four would let one lying member decide a median.
    const low = await build({ quorum: 2n });
    expect(low).toBeInstanceOf(ProposalBuildError);
    expect((low as Error).message).toMatch(/^a committee of 4 members needs a quorum from 3 to 4, not 2/);
    // Five members still settle on 3; four cannot ask for five reports.
    expect(await build({ add: ["guardian"], quorum: 3n })).not.toBeInstanceOf(ProposalBuildError);
    await expect(build({ add: ["guardian"], remove: ["bob"], quorum: 5n })).resolves.toBeInstanceOf(
      ProposalBuildError,
    );
    await expect(build({ add: ["alice"], quorum: 3n })).resolves.toBeInstanceOf(ProposalBuildError);
    await expect(build({ remove: ["guardian"], quorum: 3n })).resolves.toBeInstanceOf(ProposalBuildError);
  });

  test("what it accepts, the committee runs: rotate a member and ask for every report", async () => {
    const actions = await builder().buildProposal({
      kind: "setOracleCommittee",
      add: [address("guardian")],
      remove: [address("carol")],
      quorum: 4n,
    });
    const timelock = await impersonate(committee.deployment.timelock as `0x${string}`);
    for (const action of actions) {
      const hash = await timelock.walletClient?.sendTransaction({
        to: action.target,
        data: action.calldata,
        chain: null,
      });
      if (!hash) throw new Error("the timelock has no wallet");
      const receipt = await timelock.publicClient.waitForTransactionReceipt({ hash });
      expect(receipt.status).toBe("success");
    }
    const read = (functionName: "quorum" | "members") =>
      timelock.publicClient.readContract({
        address: committee.deployment.oracleCommittee as `0x${string}`,
        abi: oracleCommitteeAbi,
        functionName,
      });
    expect(await read("quorum")).toBe(4n);
    // Additions run before removals: the new member takes a fresh slot, after the others.
    expect(await read("members")).toEqual([
      address("alice"),
      address("bob"),
      address("settler"),
      address("guardian"),
    ]);
  });
});
