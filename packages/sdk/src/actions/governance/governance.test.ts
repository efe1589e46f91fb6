// The governance path end to end on anvil: build, propose, vote, override, queue, execute, and
// every refusal a user can meet on the way, as typed SDK errors.
import { describe, expect, test } from "vitest";

import {
  A,
  ALICE,
  address,
  B,
  client,
  deployment,
  increaseTime,
  isolate,
  now,
  reader,
} from "../../../test/fixtures.js";
import { ankrStakingAbi } from "../../abis/generated.js";
import { parseAmount } from "../../amounts/amount.js";
import {
  AlreadyOverriddenError,
  AlreadyVotedError,
  InsufficientProposerVotesError,
  NonexistentProposalError,
  SelfOverrideError,
  UnexpectedProposalStateError,
} from "../../errors/contract.js";
import { encodeMetadataURI } from "../../metadata/metadata.js";
import { ProposalBuildError } from "./buildProposal.js";
import { NoStakeToOverrideError } from "./castVoteOverride.js";
import { InvalidVoteSupportError, parseVoteSupport } from "./governor.js";
import { EmptyProposalError } from "./propose.js";

isolate();

const CAROL = address("carol");

async function registerCarol() {
  await client("carol").registerProvider({
    selfStake: parseAmount("100,000"),
    commissionBps: 800,
    metadataURI: encodeMetadataURI({ name: "Carol Nodes" }),
  });
  return reader.buildProposal({ kind: "admitProviders", providers: [CAROL] });
}

async function untilActive(proposalId: bigint) {
  const { snapshot } = await reader.getProposal({ proposalId });
  await increaseTime(snapshot - (await now()) + 1n);
}

describe("governance", () => {
  test("admission: propose, provider votes, delegator overrides, queue, execute", async () => {
    await client("alice").delegate({ provider: A, amount: parseAmount("40,000") });
    const actions = await registerCarol();
    const proposed = await client("providerA").propose({ actions, description: "Admit Carol Nodes" });
    expect(proposed.events.some((e) => e.eventName === "ProposalCreated")).toBe(true);
    const { proposalId } = proposed;
    expect((await reader.getProposal({ proposalId })).state).toBe("Pending");
    expect((await reader.getProposals({ states: ["Pending"] })).map((p) => p.id)).toContain(proposalId);

    await untilActive(proposalId);
    const poolA = await reader.getVotingPower({ account: A });
    expect(poolA).toBe(parseAmount("140,000"));
    await client("providerA").castVote({ proposalId, support: "for", reason: "runs well" });
    expect((await reader.getProposal({ proposalId })).votes.for).toBe(poolA);

    // Alice disagrees: her stake at A leaves A's tally and counts against.
    expect(await reader.getOverridableStake({ proposalId, account: ALICE })).toEqual([
      { provider: A, stake: parseAmount("40,000") },
    ]);
    const overridden = await client("alice").castVoteOverride({ proposalId, support: "against" });
    expect(overridden.providers).toEqual([A]);
    expect(overridden.events.map((e) => e.eventName)).toContain("VoteReduced");
    const tally = (await reader.getProposal({ proposalId })).votes;
    expect(tally).toEqual({ for: parseAmount("100,000"), against: parseAmount("40,000"), abstain: 0n });

    // Stake moved after the snapshot changes nothing.
    await client("bob").delegate({ provider: B, amount: parseAmount("50,000") });
    await client("providerB").castVote({ proposalId, support: "for" });
    const after = await reader.getProposal({ proposalId });
    expect(after.votes.for).toBe(parseAmount("200,000"));

    await increaseTime(after.deadline - (await now()) + 1n);
    expect((await reader.getProposal({ proposalId })).state).toBe("Succeeded");
    await client("bob").queue({ proposalId });
    const queued = await reader.getProposal({ proposalId });
    expect(queued.state).toBe("Queued");
    const early = await client("bob")
      .execute({ proposalId })
      .catch((e: unknown) => e);
    expect((early as Error).message).toMatch(/timelock operation .* not in the state/);
    await increaseTime(queued.eta - (await now()) + 1n);
    await client("bob").execute({ proposalId });
    expect((await reader.getProposal({ proposalId })).state).toBe("Executed");
    expect((await reader.getProvider({ provider: CAROL })).statusName).toBe("Active");
  });

  test("upgrade: the executed proposal announces the implementation and schedules it", async () => {
    const implementation = address("carol");
    const actions = await reader.buildProposal({ kind: "upgrade", implementation });
    expect(actions.map((a) => a.target)).toEqual([deployment.staking, deployment.upgradeTimelock]);
    const { proposalId } = await client("providerA").propose({ actions, description: "Upgrade" });
    await untilActive(proposalId);
    for (const voter of ["providerA", "providerB"] as const)
      await client(voter).castVote({ proposalId, support: "for" });
    await increaseTime((await reader.getProposal({ proposalId })).deadline - (await now()) + 1n);
    await client("bob").queue({ proposalId });
    await increaseTime((await reader.getProposal({ proposalId })).eta - (await now()) + 1n);
    await client("bob").execute({ proposalId });
    const executedAt = await now();

    const [announced, announcedAt, readyAt] = await reader.publicClient.readContract({
      address: deployment.staking,
      abi: ankrStakingAbi,
      functionName: "pendingUpgrade",
    });
    const { providerUnbondingPeriod } = await reader.getParameters();
    expect(announced).toBe(implementation);
    expect(announcedAt).toBe(executedAt);
    expect(readyAt).toBe(executedAt + BigInt(providerUnbondingPeriod) + 1n);
  });

  test("a proposal estimated in a cell that has its snapshot, mined in the next, still registers one", async () => {
    // The devnet's grid is one second. The second proposal is estimated on a pending block at the
    // first one's time (its snapshot registered: the estimate leaves registration out) and mined a
    // second later, in a cell of its own, where it registers a snapshot after all.
    const rpc = (method: string, params: unknown[] = []) =>
      reader.publicClient.request({ method, params } as never);
    const actions = await registerCarol();
    const first = await client("providerA").propose({ actions, description: "Admit Carol Nodes, first" });
    const t = await now();
    await rpc("evm_setAutomine", [false]);
    try {
      await rpc("evm_setNextBlockTimestamp", [Number(t)]);
      const sending = client("providerB").propose({ actions, description: "Admit Carol Nodes, second" });
      while ((await reader.publicClient.getBlockTransactionCount({ blockTag: "pending" })) === 0)
        await new Promise((r) => setTimeout(r, 20));
      await rpc("evm_mine", [Number(t + 1n)]);
      const second = await sending;
      expect(second.status).toBe("success");
      const [a, b] = await Promise.all(
        [first, second].map((p) => reader.getProposal({ proposalId: p.proposalId })),
      );
      expect(b?.snapshot).toBeGreaterThan(a?.snapshot ?? 0n);
    } finally {
      await rpc("evm_setAutomine", [true]);
    }
  });

  test("refusals are typed errors with readable messages; nothing is sent", async () => {
    const actions = await registerCarol();
    await expect(client("alice").propose({ actions, description: "x" })).rejects.toBeInstanceOf(
      InsufficientProposerVotesError,
    );
    await expect(client("providerA").propose({ actions: [], description: "x" })).rejects.toBeInstanceOf(
      EmptyProposalError,
    );
    await expect(reader.buildProposal({ kind: "admitProviders", providers: [A] })).rejects.toThrow(
      /is Active: only a Pending/,
    );
    await expect(
      reader.buildProposal({ kind: "slash", provider: A, amount: parseAmount("100,000") }),
    ).rejects.toBeInstanceOf(ProposalBuildError);
    await expect(reader.getProposal({ proposalId: 42n })).rejects.toBeInstanceOf(NonexistentProposalError);
    expect(() => parseVoteSupport("maybe")).toThrow(InvalidVoteSupportError);

    const { proposalId } = await client("providerA").propose({ actions, description: "Admit Carol" });
    const tooEarly = await client("providerA")
      .castVote({ proposalId, support: "for" })
      .catch((e: unknown) => e);
    expect(tooEarly).toBeInstanceOf(UnexpectedProposalStateError);
    expect((tooEarly as Error).message).toContain("is Pending; this needs it Active");

    await untilActive(proposalId);
    await client("providerA").castVote({ proposalId, support: "for" });
    await expect(client("providerA").castVote({ proposalId, support: "for" })).rejects.toBeInstanceOf(
      AlreadyVotedError,
    );
    await expect(
      client("providerA").castVoteOverride({ proposalId, support: "against", providers: [A] }),
    ).rejects.toBeInstanceOf(SelfOverrideError);
    await expect(client("bob").castVoteOverride({ proposalId, support: "for" })).rejects.toBeInstanceOf(
      NoStakeToOverrideError,
    );
    await expect(client("bob").queue({ proposalId })).rejects.toBeInstanceOf(UnexpectedProposalStateError);
  });

  test("a delegator at two providers overrides both in one call, once", async () => {
    await client("alice").delegate({ provider: A, amount: parseAmount("10,000") });
    await client("alice").delegate({ provider: B, amount: parseAmount("20,000") });
    const actions = await reader.buildProposal({
      kind: "setParameter",
      name: "minDelegation",
      value: parseAmount("500"),
    });
    const { proposalId } = await client("providerB").propose({ actions, description: "Lower the minimum" });
    await untilActive(proposalId);
    const result = await client("alice").castVoteOverride({ proposalId, support: "abstain" });
    expect(new Set(result.providers)).toEqual(new Set([A, B]));
    expect((await reader.getProposal({ proposalId })).votes.abstain).toBe(parseAmount("30,000"));
    await expect(
      client("alice").castVoteOverride({ proposalId, support: "for", providers: [A] }),
    ).rejects.toBeInstanceOf(AlreadyOverriddenError);
  });
});
