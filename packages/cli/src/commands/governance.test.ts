import { describe, expect, test } from "vitest";

import {
  A,
  ALICE,
  address,
  B,
  cli,
  expectWrite,
  increaseTime,
  isolate,
  now,
  reader,
} from "../../test/cli.js";

isolate();

const CAROL = address("carol");

async function registerCarol() {
  const registered = await cli(
    ["register", "--self-stake", "100,000", "--commission", "8", "--name", "Carol Nodes"],
    { actor: "carol" },
  );
  expect(registered.code).toBe(0);
}

async function moveTo(time: bigint) {
  await increaseTime(time - (await now()) + 1n);
}

describe("governance commands", () => {
  test("propose, proposals, proposal, vote (provider and delegator override), queue, execute", async () => {
    await registerCarol();
    expect((await cli(["stake", A, "20,000"], { actor: "alice" })).code).toBe(0);

    const dry = await cli(
      ["propose", "--admit", CAROL, "--description", "Admit Carol", "--dry-run", "--json"],
      {
        actor: "providerA",
      },
    );
    expect(dry.code).toBe(0);
    expect(dry.json<{ status: string }>().status).toBe("simulated");
    expect(await reader.getProposals()).toHaveLength(0);

    const proposed = await cli(
      ["propose", "--admit", CAROL, "--description", "Admit Carol Nodes", "--json"],
      {
        actor: "providerA",
      },
    );
    expect(proposed.code).toBe(0);
    const { proposalId, actions } = proposed.json<{ proposalId: string; actions: { target: string }[] }>();
    expect(actions).toEqual([expect.objectContaining({ target: reader.deployment.staking })]);

    const listed = await cli(["proposals", "--state", "pending", "--json"]);
    expect(listed.json<{ id: string; state: string }[]>()).toEqual([
      expect.objectContaining({ id: proposalId, state: "Pending" }),
    ]);
    const shown = await cli(["proposal", proposalId]);
    expect(shown.stdout).toMatch(/state:\s+Pending \(voting opens/);
    expect(shown.stdout).toContain("Admit Carol Nodes");

    const proposal = await reader.getProposal({ proposalId: BigInt(proposalId) });
    await moveTo(proposal.snapshot);
    const voted = await cli(["vote", proposalId, "for", "--reason", "good operator"], { actor: "providerA" });
    expect(voted.stdout).toMatch(/^voted for on \d+ with the pool of/);
    const overrode = await cli(["vote", proposalId, "against", "--json"], { actor: "alice" });
    expect(overrode.json<{ providers: string[] }>().providers).toEqual([A]);
    expect((await cli(["vote", proposalId, "for"], { actor: "providerB" })).code).toBe(0);
    const tallied = (await cli(["proposal", proposalId, "--json"])).json<{ votes: Record<string, string> }>();
    expect(tallied.votes).toEqual({
      for: "200000000000000000000000",
      against: "20000000000000000000000",
      abstain: "0",
    });

    await moveTo(proposal.deadline);
    expect((await cli(["queue", proposalId, "--dry-run"], { actor: "bob" })).stdout).toMatch(
      /^dry run: queued/,
    );
    expectWrite(await cli(["queue", proposalId, "--json"], { actor: "bob" }), "queue", ["ProposalQueued"]);
    const early = await cli(["execute", proposalId], { actor: "bob" });
    expect(early.code).toBe(1);
    expect(early.stderr).toContain("not ready yet");
    const { eta } = await reader.getProposal({ proposalId: BigInt(proposalId) });
    await moveTo(eta);
    expectWrite(await cli(["execute", proposalId, "--json"], { actor: "bob" }), "execute", [
      "ProposalExecuted",
      "ProviderAdmitted",
    ]);
    expect((await reader.getProvider({ provider: CAROL })).statusName).toBe("Active");
  });

  test("bad input: exit 2 with a plain message, nothing sent", async () => {
    const before = await reader.publicClient.getTransactionCount({ address: A });
    const cases: [string[], string][] = [
      [["propose", "--description", "nothing"], "give at least one decision"],
      [["propose", "--admit", "0x123", "--description", "x"], "--admit"],
      [["propose", "--admit", A, "--description", "Admit A"], "only a Pending"],
      [["propose", "--set", "colour=3", "--description", "x"], "is not a parameter"],
      [["propose", "--slash", `${B}=100,000`, "--description", "x"], "a slash of"],
      [["vote", "12", "maybe"], "is not a vote"],
      [["vote", "abc", "for"], "is not a proposal id"],
      [["proposal", "42"], "there is no proposal 42"],
      [["queue", "x"], "is not a proposal id"],
      [["proposals", "--state", "done"], "is not one of"],
    ];
    for (const [args, message] of cases) {
      const result = await cli(args, { actor: "providerA" });
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr, args.join(" ")).toContain(message);
    }
    const notProposer = await cli(["propose", "--set", "minDelegation=500", "--description", "x"], {
      actor: "alice",
    });
    expect(notProposer.code).toBe(1);
    expect(notProposer.stderr).toMatch(/has 0 ANKR of votes; proposing needs 50,000 ANKR/);
    expect(await reader.publicClient.getTransactionCount({ address: A })).toBe(before);
    expect(await reader.publicClient.getTransactionCount({ address: ALICE })).toBe(0);
  });
});
