// Governance end to end: proposals made, voted, overridden, queued, executed, canceled and defeated
// through the SDK on a real anvil; the real indexer's tallies, vote weights and states must equal the
// Governor's own `proposalVotes` and `state` read at the block the indexer has reached.
import { ankrGovernorAbi, ankrStakingAbi, proposalStateNames } from "@ankr-staking/sdk";
import { type Address, getAddress, keccak256, toHex } from "viem";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

import { type Indexer, startIndexer } from "./ponder.ts";
import { address, client, deployment, deploymentFile, increaseTime, reader, rpcUrl } from "./scenario.ts";

type Time = { unix: number; iso: string };
type Proposal = {
  id: string;
  proposer: string;
  title: string;
  state: string;
  snapshot: Time;
  deadline: Time;
  quorum: string | null;
  tallies: { for: string; against: string; abstain: string };
  votes: { providers: number; overrides: number };
  eta: Time | null;
  executedAt: Time | null;
  canceledAt: Time | null;
};
type Detail = Proposal & {
  description: string;
  actions: { target: string; value: string; calldata: string }[];
  asOf: Time;
};
type Vote = {
  proposalId: string;
  voter: string;
  kind: "provider" | "override";
  support: "for" | "against" | "abstain";
  weight: string;
  castWeight: string;
  reason: string;
  providers: string[];
  txHash: string;
};
type Page<T> = { items: T[]; nextCursor: string | null };

const ankr = (n: number) => BigInt(n) * 10n ** 18n;
const A = address("providerA");
const B = address("providerB");
const governor = deployment.governor as Address;

let indexer: Indexer & { pgliteDir: string };
let passing: bigint;
let defeated: bigint;

const governorRead = <T>(functionName: string, args: readonly unknown[], blockNumber?: bigint) =>
  reader.publicClient.readContract({
    address: governor,
    abi: ankrGovernorAbi,
    functionName,
    args,
    blockNumber,
  } as never) as Promise<T>;

/** Waits until the indexer has indexed the chain head and returns that block's number (read uncached: viem would
 * otherwise answer from its polling cache, a block behind the transaction just mined). */
async function synced(): Promise<bigint> {
  const head = await reader.publicClient.getBlockNumber({ cacheTime: 0 });
  await indexer.until<{ indexedBlock: number }>("/v1/health", (h) => BigInt(h.indexedBlock) >= head, 60_000);
  return head;
}

async function detail(id: bigint): Promise<Detail> {
  const { status, body } = await indexer.get<Detail>(`/v1/proposals/${id}`);
  expect(status, JSON.stringify(body)).toBe(200);
  return body;
}

/** The API's tallies and state equal the Governor's at the block the indexer has reached. */
async function expectMatchesGovernor(id: bigint) {
  const block = await synced();
  const body = await detail(id);
  const [against, forVotes, abstain] = await governorRead<[bigint, bigint, bigint]>(
    "proposalVotes",
    [id],
    block,
  );
  expect(body.tallies).toEqual({
    for: forVotes.toString(),
    against: against.toString(),
    abstain: abstain.toString(),
  });
  const state = await governorRead<number>("state", [id], block);
  expect(body.state).toBe(proposalStateNames[state]);
  return body;
}

async function timeTo(unix: number) {
  const now = Number((await reader.publicClient.getBlock()).timestamp);
  if (unix >= now) await increaseTime(unix - now + 1);
}

/** Sets `actor`'s stake at `provider` to exactly `amount` (earlier test files leave any stake). */
async function setStake(actor: "alice" | "bob" | "carol", provider: Address, amount: bigint) {
  const [stake] = await reader.publicClient.readContract({
    address: deployment.staking,
    abi: ankrStakingAbi,
    functionName: "getDelegation",
    args: [provider, address(actor)],
  });
  if (stake > 0n) await client(actor).undelegate({ provider, amount: stake });
  await client(actor).delegate({ provider, amount });
}

beforeAll(async () => {
  // Known stake to override with, in place before the proposals' snapshot, so the outcome is fixed:
  // the overrides against (alice, carol) stay far below the providers' pools voting for.
  await setStake("alice", A, ankr(20_000));
  await setStake("bob", A, ankr(7_000));
  await setStake("carol", B, ankr(9_000));
  indexer = await startIndexer({ rpcUrl, deploymentFile });
});

afterAll(async () => {
  await indexer?.stop();
});

describe("proposals and votes", () => {
  test("a new proposal is listed as Pending with its actions and description", async () => {
    const cap = ankr(50_000_000);
    const actions = await client("providerA").buildProposal({
      kind: "setProviderCap",
      provider: B,
      maxStake: cap,
    });
    passing = (
      await client("providerA").propose({
        actions,
        description: "# Cap Beta Nodes at 50M ANKR\n\nA per-provider cap, for the tests.",
      })
    ).proposalId;
    defeated = (
      await client("providerB").propose({
        actions: await client("providerB").buildProposal({
          kind: "setProviderCap",
          provider: A,
          maxStake: cap,
        }),
        description: "Cap Acme RPC at 50M ANKR",
      })
    ).proposalId;
    const body = await expectMatchesGovernor(passing);
    expect(body.state).toBe("Pending");
    expect(body.id).toBe(passing.toString());
    expect(body.proposer).toBe(A);
    expect(body.title).toBe("Cap Beta Nodes at 50M ANKR");
    expect(body.description).toContain("for the tests");
    expect(body.actions).toEqual(
      actions.map((a) => ({
        target: getAddress(a.target),
        value: a.value.toString(),
        signature: "",
        calldata: a.calldata.toLowerCase(),
      })),
    );
    expect(BigInt(body.snapshot.unix)).toBe(await governorRead<bigint>("proposalSnapshot", [passing]));
    expect(BigInt(body.deadline.unix)).toBe(await governorRead<bigint>("proposalDeadline", [passing]));
    expect(body.quorum).toBeNull();
    // The hex form of the id names the same proposal.
    expect((await detail(BigInt(`0x${passing.toString(16)}`))).id).toBe(passing.toString());
    const list = await indexer.get<Page<Proposal>>("/v1/proposals");
    expect(list.body.items.map((p) => p.id)).toEqual([defeated.toString(), passing.toString()]);
  });

  test("provider votes and delegator overrides: tallies and weights equal the Governor's", async () => {
    const pending = await detail(passing);
    await timeTo(pending.snapshot.unix);
    expect((await expectMatchesGovernor(passing)).state).toBe("Active");

    // A votes first; alice and bob then override their stake at A (VoteReduced takes it out of A's).
    await client("providerA").castVote({ proposalId: passing, support: "for", reason: "caps are healthy" });
    await client("alice").castVoteOverride({ proposalId: passing, support: "against", providers: [A] });
    await client("bob").castVoteOverride({ proposalId: passing, support: "abstain", providers: [A] });
    // carol overrides B before B votes: B's vote counts without her stake.
    await client("carol").castVoteOverride({ proposalId: passing, support: "against", providers: [B] });
    await client("providerB").castVote({ proposalId: passing, support: "for" });

    const body = await expectMatchesGovernor(passing);
    expect(body.votes).toEqual({ providers: 2, overrides: 3 });
    expect(BigInt(body.quorum ?? -1)).toBe(
      await governorRead<bigint>("quorum", [BigInt(pending.snapshot.unix)]),
    );

    const { body: votes } = await indexer.get<Page<Vote>>(`/v1/proposals/${passing}/votes`);
    expect(votes.items.map((v) => [v.voter, v.kind, v.support])).toEqual([
      [B, "provider", "for"],
      [address("carol"), "override", "against"],
      [address("bob"), "override", "abstain"],
      [address("alice"), "override", "against"],
      [A, "provider", "for"],
    ]);
    const stakeAt = async (provider: Address, who: Address) =>
      reader.publicClient.readContract({
        address: deployment.staking,
        abi: ankrStakingAbi,
        functionName: "getPastStake",
        args: [provider, who, BigInt(pending.snapshot.unix)],
      });
    const voteOf = (voter: Address) => votes.items.find((v) => v.voter === voter) as Vote;
    // A's vote: cast with its whole pool at the snapshot, now less alice's and bob's stake there.
    const aliceAtA = await stakeAt(A, address("alice"));
    const bobAtA = await stakeAt(A, address("bob"));
    expect(BigInt(voteOf(A).weight)).toBe(BigInt(voteOf(A).castWeight) - aliceAtA - bobAtA);
    expect(voteOf(A).reason).toBe("caps are healthy");
    expect(voteOf(address("alice")).weight).toBe(aliceAtA.toString());
    expect(voteOf(address("alice")).providers).toEqual([A]);
    // B's vote never counted carol's stake: cast and counted weights are equal.
    expect(voteOf(B).weight).toBe(voteOf(B).castWeight);
    const carolAtB = await stakeAt(B, address("carol"));
    expect(BigInt(voteOf(address("carol")).weight)).toBe(carolAtB);
    // The counted weights add up to the tallies.
    const sum = (support: string) =>
      votes.items.filter((v) => v.support === support).reduce((s, v) => s + BigInt(v.weight), 0n);
    expect({ for: sum("for"), against: sum("against"), abstain: sum("abstain") }).toEqual({
      for: BigInt(body.tallies.for),
      against: BigInt(body.tallies.against),
      abstain: BigInt(body.tallies.abstain),
    });

    const overrides = await indexer.get<Page<Vote>>(`/v1/proposals/${passing}/votes?kind=override`);
    expect(overrides.body.items).toHaveLength(3);
    const against = await indexer.get<Page<Vote>>(`/v1/proposals/${passing}/votes?support=against`);
    expect(against.body.items.map((v) => v.voter)).toEqual([address("carol"), address("alice")]);
    const first = await indexer.get<Page<Vote>>(`/v1/proposals/${passing}/votes?limit=3`);
    const rest = await indexer.get<Page<Vote>>(
      `/v1/proposals/${passing}/votes?limit=3&cursor=${first.body.nextCursor}`,
    );
    expect([...first.body.items, ...rest.body.items]).toEqual(votes.items);
    expect(rest.body.nextCursor).toBeNull();

    const alice = await indexer.get<Page<Vote>>(`/v1/accounts/${address("alice").toLowerCase()}/votes`);
    expect(alice.body.items.map((v) => [v.proposalId, v.kind])).toEqual([[passing.toString(), "override"]]);
  });

  test("after the deadline: Succeeded and Defeated, then Queued and Executed; state filters agree", async () => {
    // Past both deadlines: the two proposals were created in different blocks, which on a loaded
    // machine can be seconds apart, so the second one's deadline can be later.
    const body = await detail(passing);
    await timeTo(Math.max(body.deadline.unix, (await detail(defeated)).deadline.unix));
    expect((await expectMatchesGovernor(passing)).state).toBe("Succeeded");
    // Nobody voted on the other one.
    expect((await expectMatchesGovernor(defeated)).state).toBe("Defeated");
    const ids = async (query: string) =>
      (await indexer.get<Page<Proposal>>(`/v1/proposals?${query}`)).body.items.map((p) => p.id);
    expect(await ids("state=Succeeded")).toEqual([passing.toString()]);
    expect(await ids("state=Defeated")).toEqual([defeated.toString()]);
    expect(await ids("state=Active")).toEqual([]);
    expect(await ids(`proposer=${B}`)).toEqual([defeated.toString()]);

    await client("alice").queue({ proposalId: passing });
    const queued = await expectMatchesGovernor(passing);
    expect(queued.state).toBe("Queued");
    expect(BigInt(queued.eta?.unix ?? 0)).toBe(await governorRead<bigint>("proposalEta", [passing]));
    expect(await ids("state=Queued")).toEqual([passing.toString()]);

    await timeTo(queued.eta?.unix ?? 0);
    await client("alice").execute({ proposalId: passing });
    const executed = await expectMatchesGovernor(passing);
    expect(executed.state).toBe("Executed");
    expect(executed.executedAt).not.toBeNull();
    expect(await ids("state=Executed")).toEqual([passing.toString()]);
    // The executed action reached the staking contract, and the indexer saw that too.
    await indexer.until<{ maxStake: string }>(
      `/v1/providers/${B}`,
      (p) => p.maxStake === ankr(50_000_000).toString(),
    );
  });

  test("a canceled proposal is Canceled", async () => {
    const actions = await client("providerA").buildProposal({
      kind: "setProviderCap",
      provider: B,
      maxStake: ankr(60_000_000),
    });
    const description = "Withdrawn before voting";
    const { proposalId } = await client("providerA").propose({ actions, description });
    const wallet = client("providerA").walletClient;
    if (!wallet) throw new Error("providerA has no wallet");
    const hash = await wallet.writeContract({
      address: governor,
      abi: ankrGovernorAbi,
      functionName: "cancel",
      args: [
        actions.map((a) => a.target),
        actions.map((a) => a.value),
        actions.map((a) => a.calldata),
        keccak256(toHex(description)),
      ],
      chain: wallet.chain,
      account: wallet.account ?? null,
    });
    await reader.publicClient.waitForTransactionReceipt({ hash });
    const body = await expectMatchesGovernor(proposalId);
    expect(body.state).toBe("Canceled");
    expect(body.canceledAt).not.toBeNull();
    const { body: list } = await indexer.get<Page<Proposal>>("/v1/proposals?state=Canceled");
    expect(list.items.map((p) => p.id)).toEqual([proposalId.toString()]);
  });

  test("pagination walks every proposal once; GraphQL and OpenAPI include governance", async () => {
    const all = await indexer.get<Page<Proposal>>("/v1/proposals");
    expect(all.body.items).toHaveLength(3);
    const first = await indexer.get<Page<Proposal>>("/v1/proposals?limit=2");
    const rest = await indexer.get<Page<Proposal>>(`/v1/proposals?limit=2&cursor=${first.body.nextCursor}`);
    expect([...first.body.items, ...rest.body.items]).toEqual(all.body.items);
    expect(rest.body.nextCursor).toBeNull();

    const gql = await indexer.get<{
      data: { proposals: { items: { id: string; forVotes: string }[] }; votes: { totalCount: number } };
    }>("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ proposals { items { id forVotes } } votes { totalCount } }" }),
    });
    expect(gql.status, JSON.stringify(gql.body)).toBe(200);
    expect(gql.body.data.proposals.items).toHaveLength(3);
    expect(gql.body.data.votes.totalCount).toBe(5);

    // The main timelock's logs of the executed proposal: scheduled by queue, run by execute.
    const timelock = await indexer.get<{
      data: { adminEvents: { items: { name: string; args: Record<string, string> }[] } };
    }>("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: '{ adminEvents(where: { contract: "Timelock" }, limit: 100) { items { name args } } }',
      }),
    });
    const names = timelock.body.data.adminEvents.items
      .filter((e) => e.args.timelock?.toLowerCase() === deployment.timelock?.toLowerCase())
      .map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(["CallScheduled", "CallExecuted"]));

    const { body } = await indexer.get<{ paths: Record<string, unknown> }>("/openapi.json");
    for (const path of [
      "/v1/proposals",
      "/v1/proposals/{id}",
      "/v1/proposals/{id}/votes",
      "/v1/accounts/{address}/votes",
    ])
      expect(Object.keys(body.paths)).toContain(path);
  });
});

describe("bad input gets a 4xx JSON error naming the problem", () => {
  const cases: [string, number, RegExp][] = [
    ["/v1/proposals/abc", 400, /id/],
    ["/v1/proposals/-1", 400, /id/],
    ["/v1/proposals/1.5", 400, /id/],
    ["/v1/proposals/0x", 400, /id/],
    ["/v1/proposals/0xzz", 400, /id/],
    [`/v1/proposals/${2n ** 256n}`, 400, /id/],
    [`/v1/proposals/0x1${"0".repeat(64)}`, 400, /id/],
    ["/v1/proposals/12345", 404, /proposal 12345 not found/],
    ["/v1/proposals/12345/votes", 404, /not found/],
    ["/v1/proposals?state=Bogus", 400, /state/],
    ["/v1/proposals?state=active", 400, /state/],
    ["/v1/proposals?proposer=0x12", 400, /proposer/],
    ["/v1/proposals?limit=0", 400, /limit/],
    ["/v1/proposals?limit=101", 400, /limit/],
    ["/v1/proposals?cursor=%%%", 400, /cursor/],
    ["/v1/proposals?cursor=WyJ4Il0", 400, /cursor/],
    ["/v1/proposals/1/votes?kind=whale", 400, /kind/],
    ["/v1/proposals/1/votes?support=yes", 400, /support/],
    ["/v1/proposals/1/votes?limit=501", 400, /limit/],
    ["/v1/accounts/0xzz/votes", 400, /address/],
    [`/v1/accounts/${"0x".padEnd(42, "1")}/votes?cursor=WyJ4Il0`, 400, /cursor/],
  ];
  test.each(cases)("%s → %i", async (path, status, message) => {
    const { status: got, body } = await indexer.get<{ error: { code: string; message: string } }>(path);
    expect(got).toBe(status);
    expect(body.error.message).toMatch(message);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
  });
});
