// Property tests: the SDK's reward math against the contracts' own results on anvil.
import fc from "fast-check";
import { describe, expect, test } from "vitest";

import { A, B, client, increaseTime, isolate, now, reader, withSnapshot } from "../../test/fixtures.js";
import { parseAmount } from "../amounts/amount.js";
import { settlementBudgetDown, splitSettlement, streamRateDown } from "./rewards.js";

isolate();

const RUNS = Number(process.env.PROPERTY_RUNS ?? 20);

describe("splitSettlement mirrors settleEpoch", () => {
  test("budget, each provider's reward, commission and stream rate match the chain to the wei", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          aliceAtA: fc.integer({ min: 1_000, max: 1_500_000 }),
          bobAtB: fc.integer({ min: 0, max: 1_500_000 }),
          scoreA: fc.integer({ min: 0, max: 10_000 }),
          scoreB: fc.integer({ min: 0, max: 10_000 }),
          commissionA: fc.integer({ min: 0, max: 1_000 }),
          commissionB: fc.integer({ min: 0, max: 500 }),
          lateBy: fc.integer({ min: 1, max: 500_000 }),
        }),
        (input) =>
          withSnapshot(async () => {
            await client("alice").delegate({ provider: A, amount: parseAmount(String(input.aliceAtA)) });
            if (input.bobAtB >= 1_000) {
              await client("bob").delegate({ provider: B, amount: parseAmount(String(input.bobAtB)) });
            }
            // Decreases apply at once.
            await client("providerA").setCommission({ commissionBps: input.commissionA });
            await client("providerB").setCommission({ commissionBps: input.commissionB });
            const epoch = await reader.getEpoch();
            await increaseTime(epoch.nextSettleableAt - (await now()) + BigInt(input.lateBy));
            const scores = { [A]: input.scoreA, [B]: input.scoreB };
            const { events, blockNumber } = await client("settler").settleEpoch({ scores });

            const settled = events.flatMap((e) =>
              e.eventName === "ProvidersSettled" ? e.args.settlements : [],
            );
            const epochSettled = events.flatMap((e) => (e.eventName === "EpochSettled" ? [e.args] : []))[0];
            const params = await reader.getParameters();
            const sdk = splitSettlement(
              epochSettled?.budget ?? 0n,
              BigInt(params.maxCommissionBps),
              settled.map((s) => ({
                active: true,
                stakeSeconds: s.stakeSeconds,
                scoreBps: BigInt(s.scoreBps),
                commissionBps: BigInt(s.provider === A ? input.commissionA : input.commissionB),
              })),
            );
            expect(sdk.totalWeight).toBe(epochSettled?.totalWeight);
            expect(sdk.distributed).toBe(epochSettled?.distributed);
            for (const [i, s] of settled.entries()) {
              expect(sdk.shares[i]?.reward).toBe(s.reward);
              expect(sdk.shares[i]?.commission).toBe(s.commission);
              // First settlement: the stream carries only this pool share.
              const pool = await reader.getProvider({ provider: s.provider });
              expect(streamRateDown(sdk.shares[i]?.poolShare ?? 0n, epoch.epochLength).rate).toBe(
                pool.rewardRate,
              );
            }
            if (sdk.totalWeight > 0n) {
              const block = await reader.publicClient.getBlock({ blockNumber });
              expect(epochSettled?.budget).toBe(
                settlementBudgetDown(
                  params.rewardPerEpoch,
                  block.timestamp - epoch.genesis,
                  epoch.epochLength,
                ),
              );
            }
          }),
      ),
      { numRuns: RUNS },
    );
  });
});
