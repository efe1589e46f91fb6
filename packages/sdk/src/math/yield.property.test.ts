// Property tests: APY net of commission and projected rewards against what the contracts pay on
// anvil.
import fc from "fast-check";
import { describe, expect, test } from "vitest";

import {
  A,
  ALICE,
  B,
  client,
  increaseTime,
  isolate,
  now,
  reader,
  withSnapshot,
} from "../../test/fixtures.js";
import { parseAmount } from "../amounts/amount.js";
import { projectRewardsDown } from "./rewards.js";

isolate();

const RUNS = Number(process.env.PROPERTY_RUNS ?? 20);
const YEAR = 365 * 24 * 3600;

const pending = () => reader.getPendingRewards({ provider: A, delegator: ALICE });

/** Settles the next epoch `lateBy` seconds after it can be, once any running stream has finished. */
async function settleNext(scores: Record<string, number>, lateBy: number) {
  const [{ nextSettleableAt }, pool] = await Promise.all([
    reader.getEpoch(),
    reader.getProvider({ provider: A }),
  ]);
  const at = (nextSettleableAt > pool.rewardFinish ? nextSettleableAt : pool.rewardFinish) + BigInt(lateBy);
  await increaseTime(at - (await now()));
  return client("settler").settleEpoch({ scores });
}

describe("yieldFromSettlements is what stake that stays put earns", () => {
  test("the SDK's net-of-commission rate times the stake is the payout of the next stream", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          alice: fc.integer({ min: 1_000, max: 1_500_000 }),
          bobAtB: fc.integer({ min: 0, max: 1_500_000 }),
          commissionA: fc.integer({ min: 0, max: 1_000 }),
          scoreA: fc.integer({ min: 1, max: 10_000 }),
          scoreB: fc.integer({ min: 0, max: 10_000 }),
          lateBy: fc.integer({ min: 1, max: 200_000 }),
        }),
        (input) =>
          withSnapshot(async () => {
            const stake = parseAmount(String(input.alice));
            await client("alice").delegate({ provider: A, amount: stake });
            if (input.bobAtB >= 1_000) {
              await client("bob").delegate({ provider: B, amount: parseAmount(String(input.bobAtB)) });
            }
            await client("providerA").setCommission({ commissionBps: input.commissionA });
            const scores = { [A]: input.scoreA, [B]: input.scoreB };
            // The first window saw the stake arrive; the second is measured with nobody moving.
            await settleNext(scores, 1);
            await settleNext(scores, input.lateBy);
            const before = await pending();
            const { epochLength } = await reader.getEpoch();
            await increaseTime(epochLength + 1n); // the stream of that settlement runs one epoch length
            const earned = (await pending()) - before;

            const measured = await reader.getProviderYield({ provider: A, epochs: 1 });
            const [settlement] = measured.settlements;
            if (!settlement) throw new Error("no settlement");
            const { totalStake } = await reader.getProvider({ provider: A });
            // Rate per epoch length, from the annual rate the SDK reports; the window the payout
            // covers is stakeSeconds / stake (the stake was constant), not always one epoch.
            const rate = (measured.apr * Number(epochLength)) / YEAR;
            const window = Number(settlement.stakeSeconds) / Number(totalStake);
            const expected = (rate * Number(stake) * window) / Number(epochLength);
            expect(measured.epochs).toBe(1);
            expect(earned).toBeGreaterThan(0n);
            expect(Math.abs(Number(earned) - expected) / expected).toBeLessThan(1e-9);
            // Net of commission: the delegators' share is (1 - commission) of the pool's reward.
            const net = Number(settlement.reward - settlement.commission) / Number(settlement.reward);
            expect(Math.abs(net - (1 - input.commissionA / 10_000))).toBeLessThan(1e-9);
          }),
      ),
      { numRuns: RUNS },
    );
  });
});

describe("projectRewardsDown is the contract's pendingRewards later on", () => {
  test("to the wei, at any time during and after the stream", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          alice: fc.integer({ min: 1_000, max: 1_500_000 }),
          scoreA: fc.integer({ min: 1, max: 10_000 }),
          // Up to twice the stream's length: the projection stops where the stream does.
          elapsed: fc.double({ min: 0, max: 2, noNaN: true }),
        }),
        (input) =>
          withSnapshot(async () => {
            const stake = parseAmount(String(input.alice));
            await client("alice").delegate({ provider: A, amount: stake });
            const { blockNumber } = await settleNext({ [A]: input.scoreA, [B]: 10_000 }, 1);
            const settledAt = (await reader.publicClient.getBlock({ blockNumber })).timestamp;
            // The first settlement: nothing earned yet, the accumulator last moved at settledAt.
            expect(await pending()).toBe(0n);
            const pool = await reader.getProvider({ provider: A });
            const stream = {
              rewardRate: pool.rewardRate,
              rewardFinish: pool.rewardFinish,
              poolStake: pool.totalStake,
            };
            const { epochLength } = await reader.getEpoch();
            const target = settledAt + BigInt(Math.floor(input.elapsed * Number(epochLength)));
            const projected = await reader.getPendingRewards({ provider: A, delegator: ALICE, at: target });
            expect(projected).toBe(projectRewardsDown(stream, stake, settledAt, target));
            if (target > (await now())) await increaseTime(target - (await now()));
            const later = (await reader.publicClient.getBlock()).timestamp;
            expect(await pending()).toBe(projectRewardsDown(stream, stake, settledAt, later));
            if (later === target) expect(await pending()).toBe(projected);
          }),
      ),
      { numRuns: RUNS },
    );
  });
});
