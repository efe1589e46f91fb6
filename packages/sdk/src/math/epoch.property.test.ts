// Property test: unbonding release times and what withdraw pays, against the contract on anvil.
import fc from "fast-check";
import { describe, expect, test } from "vitest";

import { A, ALICE, client, increaseTime, isolate, now, reader, withSnapshot } from "../../test/fixtures.js";
import { parseAmount } from "../amounts/amount.js";
import { NothingToWithdrawError } from "../errors/contract.js";
import { enqueueUnbonding, epochAt, releaseTime, type UnbondingQueue, unbondingStatus } from "./epoch.js";

isolate();

const RUNS = Number(process.env.PROPERTY_RUNS ?? 20);
const DAY = 86_400;

describe("releaseTime and unbondingStatus mirror the unbonding queue", () => {
  test("each entry's release time, and what withdraw pays at a random later time", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          exits: fc.array(
            fc.record({
              amount: fc.integer({ min: 1, max: 20_000 }),
              gapSeconds: fc.integer({ min: 0, max: 20 * DAY }),
            }),
            { minLength: 1, maxLength: 6 },
          ),
          waitSeconds: fc.integer({ min: 0, max: 60 * DAY }),
        }),
        (input) =>
          withSnapshot(async () => {
            const alice = client("alice");
            await alice.delegate({ provider: A, amount: parseAmount("100,000") });
            const [{ unbondingPeriod }, { genesis, epochLength }] = await Promise.all([
              reader.getParameters(),
              reader.getEpoch(),
            ]);
            let model: UnbondingQueue = { entries: [], newestEpoch: undefined };
            for (const exit of input.exits) {
              if (exit.gapSeconds > 0) await increaseTime(exit.gapSeconds);
              // At least the 1,000 ANKR minimum per move.
              const amount = parseAmount(String(1_000 + exit.amount));
              const { blockNumber, events } = await alice.undelegate({ provider: A, amount });
              const { timestamp } = await reader.publicClient.getBlock({ blockNumber });
              const next = enqueueUnbonding(
                model,
                amount,
                timestamp,
                epochAt(timestamp, genesis, epochLength),
                BigInt(unbondingPeriod),
              );
              model = next.queue;
              const undelegated = events.find((e) => e.eventName === "Undelegated");
              expect(undelegated?.eventName === "Undelegated" && BigInt(undelegated.args.releaseAt)).toBe(
                next.releaseAt,
              );
              expect(next.releaseAt).toBeGreaterThanOrEqual(releaseTime(timestamp, BigInt(unbondingPeriod)));
            }
            const expected = model.entries;
            const queue = await reader.getUnbondingQueue({ account: ALICE });
            expect(queue.entries.map(({ amount, releaseAt }) => ({ amount, releaseAt }))).toEqual(expected);

            if (input.waitSeconds > 0) await increaseTime(input.waitSeconds);
            // withdraw runs in the next block: one second on from the head.
            const at = (await now()) + 1n;
            const status = unbondingStatus(expected, at);
            await reader.publicClient.request({
              method: "evm_setNextBlockTimestamp",
              params: [Number(at)],
            } as never);
            if (status.withdrawable === 0n) {
              await expect(alice.withdraw()).rejects.toBeInstanceOf(NothingToWithdrawError);
              return;
            }
            const { events } = await alice.withdraw();
            const paid = events.reduce(
              (sum, e) => (e.eventName === "Withdrawn" ? sum + e.args.amount : sum),
              0n,
            );
            expect(paid).toBe(status.withdrawable);
            const left = await reader.getUnbondingQueue({ account: ALICE });
            expect(left.pending).toBe(status.pending);
            expect(left.nextReleaseAt).toBe(status.nextReleaseAt);
          }),
      ),
      { numRuns: RUNS },
    );
  });
});
