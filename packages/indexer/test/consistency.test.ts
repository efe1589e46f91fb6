// Reliability: a random scenario of a few hundred actions and full exits that leave rewards to
// claim, then every provider total, delegation, pending reward and unbonding entry from the API
// must equal the contract's view at the block the API answered for (a position with rewards and
// no stake included) — after a SIGKILL in the middle of the backfill and a restart, and once more
// against PostgreSQL.
import { ankrStakingAbi } from "@ankr-staking/sdk";
import type { Address } from "viem";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type Indexer, startIndexer } from "./ponder.ts";
import { postgresAvailable, startPostgres } from "./postgres.ts";
import {
  address,
  client,
  deployment,
  deploymentFile,
  increaseTime,
  reader,
  rpc,
  rpcUrl,
} from "./scenario.ts";
import { startSlowRpc } from "./slowRpc.ts";

const delegators = ["alice", "bob", "carol"] as const;
const providers = [address("providerA"), address("providerB")];
const ankr = (n: number) => BigInt(n) * 10n ** 18n;
const MIN = ankr(1_000);

/** A small deterministic PRNG (mulberry32), so a failure replays. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const read = (functionName: string, args: readonly unknown[], blockNumber: bigint) =>
  reader.publicClient.readContract({
    address: deployment.staking,
    abi: ankrStakingAbi,
    functionName,
    args,
    blockNumber,
  } as never) as Promise<unknown>;

async function randomScenario(actions: number, seed = 7): Promise<number> {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  let done = 0;
  for (let i = 0; i < actions; i++) {
    const who = pick(delegators);
    const me = address(who);
    const provider = pick(providers);
    const c = client(who);
    const [stake] = (await reader.publicClient.readContract({
      address: deployment.staking,
      abi: ankrStakingAbi,
      functionName: "getDelegation",
      args: [provider, me],
    })) as readonly [bigint, bigint];
    const roll = next();
    try {
      if (roll < 0.35 || stake === 0n) {
        await c.delegate({ provider, amount: ankr(1_000 + Math.floor(next() * 20_000)) });
      } else if (roll < 0.5) {
        const amount = stake - MIN >= MIN && next() < 0.7 ? stake / 2n : stake;
        await c.undelegate({ provider, amount: amount < MIN && amount !== stake ? stake : amount });
      } else if (roll < 0.6) {
        const to = providers.find((p) => p !== provider) ?? provider;
        await c.redelegate({ fromProvider: provider, toProvider: to, amount: stake });
      } else if (roll < 0.72) {
        await c.claim({ provider });
      } else if (roll < 0.8) {
        await c.restake({ provider });
      } else if (roll < 0.86) {
        await c.withdraw();
      } else if (roll < 0.93) {
        await increaseTime(3_600 + Math.floor(next() * 86_400));
      } else {
        const { nextSettleableAt } = await reader.getEpoch();
        const now = (await reader.publicClient.getBlock()).timestamp;
        if (nextSettleableAt > now) await increaseTime(nextSettleableAt - now + 1n);
        await client("settler").settleEpoch({
          defaultScoreBps: 9_000,
          scores: { [address("providerB")]: 6_000 },
        });
      }
      done++;
    } catch {
      // A random action the contract refuses (nothing to claim, nothing matured, ...) is skipped.
    }
  }
  return done;
}

/**
 * Every delegator leaves provider B entirely with rewards still to claim there: a funded vault
 * (the random scenario's settlements may have drained it), stake, a settlement (B's share streams
 * to its pool during the next epoch), a day, then a full exit.
 */
async function fullExitsLeavingRewards() {
  const B = providers[1] as Address;
  await client("carol").fundVault({ amount: ankr(1_000_000) });
  for (const who of delegators) await client(who).delegate({ provider: B, amount: ankr(5_000) });
  const { nextSettleableAt } = await reader.getEpoch();
  const now = (await reader.publicClient.getBlock()).timestamp;
  if (nextSettleableAt > now) await increaseTime(nextSettleableAt - now + 1n);
  await client("settler").settleEpoch({ defaultScoreBps: 9_000, scores: {} });
  await increaseTime(86_400);
  for (const who of delegators) {
    const read = () =>
      reader.publicClient.readContract({
        address: deployment.staking,
        abi: ankrStakingAbi,
        functionName: "getDelegation",
        args: [B, address(who)],
      }) as Promise<readonly [bigint, bigint]>;
    const [stake] = await read();
    await client(who).undelegate({ provider: B, amount: stake });
    const [left, pending] = await read();
    expect([who, left]).toEqual([who, 0n]);
    expect([who, pending > 0n]).toEqual([who, true]);
  }
}

type Delegator = {
  atBlock: number;
  pendingRewards: string;
  positions: { provider: string; stake: string; pendingRewards: string }[];
  unbonding: { entryId: string; amount: string; releaseAt: { unix: number } }[];
};
type Provider = { address: string; totalStake: string; selfStake: string; delegatedStake: string };

/** Positions seen with rewards and no stake, by expectConsistent (the scenario makes some). */
let exitedWithRewards = 0;

/** Waits until the indexer has reached the chain head, then compares everything at one block. */
async function expectConsistent(indexer: Indexer) {
  const head = await reader.publicClient.getBlockNumber({ cacheTime: 0 });
  await indexer.until<{ indexedBlock: number }>("/v1/health", (h) => BigInt(h.indexedBlock) >= head, 60_000);
  const block = head;
  const { body: list } = await indexer.get<{ items: Provider[] }>("/v1/providers?limit=100");
  expect(list.items).toHaveLength(providers.length);
  let sum = 0n;
  for (const p of list.items) {
    const view = (await read("getProvider", [p.address], block)) as { totalStake: bigint; selfStake: bigint };
    expect([p.address, p.totalStake, p.selfStake]).toEqual([
      p.address,
      view.totalStake.toString(),
      view.selfStake.toString(),
    ]);
    sum += BigInt(p.totalStake);
  }
  const [totalStaked] = (await read("totals", [], block)) as [bigint];
  expect(sum).toBe(totalStaked);
  const stats = await indexer.get<{ totalStaked: string }>("/v1/stats");
  expect(stats.body.totalStaked).toBe(totalStaked.toString());
  for (const who of delegators) {
    const me = address(who);
    const { body } = await indexer.get<Delegator>(`/v1/delegators/${me}`);
    const at = BigInt(body.atBlock);
    expect(at).toBeGreaterThanOrEqual(block);
    let pendingTotal = 0n;
    for (const provider of providers) {
      const [stake, pending] = (await read("getDelegation", [provider, me], at)) as [bigint, bigint];
      const position = body.positions.find((p) => p.provider === provider);
      // Listed while it holds stake or claimable rewards; gone once exited and claimed.
      const expected = stake > 0n || pending > 0n ? [stake.toString(), pending.toString()] : undefined;
      expect([who, provider, position && [position.stake, position.pendingRewards]]).toEqual([
        who,
        provider,
        expected,
      ]);
      if (stake === 0n && pending > 0n) exitedWithRewards++;
      pendingTotal += pending;
    }
    expect([who, body.pendingRewards]).toEqual([who, pendingTotal.toString()]);
    const [first, entries] = (await read("unbondingQueue", [me], at)) as [
      bigint,
      { amount: bigint; releaseAt: number }[],
    ];
    expect(body.unbonding.map((e) => [e.entryId, e.amount, e.releaseAt.unix])).toEqual(
      entries.map((e, i) => [(first + BigInt(i)).toString(), e.amount.toString(), Number(e.releaseAt)]),
    );
  }
}

let actions = 0;
beforeAll(async () => {
  actions = await randomScenario(Number(process.env.CONSISTENCY_ACTIONS ?? 300));
  await fullExitsLeavingRewards();
});

describe("consistency with the contract", () => {
  let indexer: (Indexer & { pgliteDir: string }) | undefined;
  afterAll(async () => {
    await indexer?.stop();
  });

  test("after a SIGKILL in the middle of the backfill and a restart, nothing is lost or double counted", async () => {
    expect(actions).toBeGreaterThan(150);
    const schema = `crash_${process.pid}`;
    // Through a node that answers each request 100 ms late, the backfill of a few hundred blocks
    // takes seconds: the kill lands after a block range with events is indexed and before the
    // backfill completes, and the test checks that it did.
    const slow = await startSlowRpc(rpcUrl, 100);
    const first = await startIndexer({
      rpcUrl: slow.url,
      deploymentFile,
      schema,
      waitFor: /"msg":"Indexed block range"[^\n]*"event_count":[1-9]/,
      timeoutMs: 120_000,
    }).catch(async (error: unknown) => {
      await slow.close();
      throw error;
    });
    await first.stop("SIGKILL");
    await slow.close();
    expect(first.output()).not.toContain("Completed backfill indexing");
    indexer = await startIndexer({ rpcUrl, deploymentFile, schema, pgliteDir: first.pgliteDir });
    exitedWithRewards = 0;
    await expectConsistent(indexer);
    expect(exitedWithRewards).toBeGreaterThanOrEqual(delegators.length);
    // Every action appears once: the history count equals the logs the chain holds for it.
    const { body } = await indexer.get<{ items: unknown[] }>(
      `/v1/delegators/${address("alice")}/history?limit=500`,
    );
    const logs = await reader.publicClient.getContractEvents({
      address: deployment.staking,
      abi: ankrStakingAbi,
      fromBlock: 0n,
    });
    const alice = address("alice").toLowerCase();
    const mine = logs.filter((l) => {
      const args = l.args as Record<string, unknown>;
      const account = args.delegator ?? args.account ?? args.from;
      return typeof account === "string" && account.toLowerCase() === alice;
    });
    expect(body.items).toHaveLength(mine.length);
  }, 300_000);

  test("after a reorg of the last blocks, the replaced actions are gone and the new ones counted once", async () => {
    if (!indexer) throw new Error("the crash test starts the indexer");
    const running = indexer;
    const history = async () =>
      (
        await running.get<{ items: { txHash: string }[] }>(
          `/v1/delegators/${address("alice")}/history?limit=500`,
        )
      ).body.items;
    const before = await history();
    const id = await rpc<string>("evm_snapshot");
    const orphan = await client("alice").delegate({ provider: providers[0] as Address, amount: ankr(3_000) });
    const head = await reader.publicClient.getBlockNumber({ cacheTime: 0 });
    await running.until<{ indexedBlock: number }>(
      "/v1/health",
      (h) => BigInt(h.indexedBlock) >= head,
      60_000,
    );
    await running.until<{ txHash: string }[]>(
      `/v1/delegators/${address("alice")}/history?limit=500`,
      () => true,
    );
    expect((await history()).map((i) => i.txHash)).toContain(orphan.hash);
    // The same heights mined again with other transactions, and a few more so the fork is longer.
    expect(await rpc<boolean>("evm_revert", [id])).toBe(true);
    await client("alice").delegate({ provider: providers[1] as Address, amount: ankr(2_000) });
    await client("carol").delegate({ provider: providers[0] as Address, amount: ankr(4_000) });
    await rpc("anvil_mine", ["0x3"]);
    await expectConsistent(running);
    const after = await history();
    expect(after.map((i) => i.txHash)).not.toContain(orphan.hash);
    expect(after).toHaveLength(before.length + 1);
  });

  test.skipIf(!postgresAvailable())("the same consistency against a real PostgreSQL server", async () => {
    const postgres = await startPostgres();
    try {
      const pgIndexer = await startIndexer({
        rpcUrl,
        deploymentFile,
        databaseUrl: postgres.url,
        schema: "ankr",
      });
      try {
        await expectConsistent(pgIndexer);
      } finally {
        await pgIndexer.stop();
      }
    } finally {
      postgres.stop();
    }
  });
});
