import { describe, expect, test } from "vitest";

import { A, ALICE, B, client, increaseTime, isolate, now, reader } from "../../../test/fixtures.js";
import { parseAmount } from "../../amounts/amount.js";
import {
  InsufficientStakeError,
  NothingToWithdrawError,
  SameProviderError,
  SelfStakeNotMovableError,
} from "../../errors/contract.js";
import { releaseTime } from "../../math/epoch.js";

isolate();

describe("undelegate, withdraw, redelegate", () => {
  test("undelegated stake waits in the queue until its release time, then withdraw pays it", async () => {
    const alice = client("alice");
    await alice.delegate({ provider: A, amount: parseAmount("10,000") });
    const result = await alice.undelegate({ provider: A, amount: parseAmount("4,000") });
    const event = result.events.find((e) => e.eventName === "Undelegated");
    const { unbondingPeriod } = await reader.getParameters();
    const block = await reader.publicClient.getBlock({ blockNumber: result.blockNumber });
    expect(event?.eventName === "Undelegated" && event.args.releaseAt).toBe(
      releaseTime(block.timestamp, BigInt(unbondingPeriod)),
    );

    const queue = await reader.getUnbondingQueue({ account: ALICE });
    expect(queue.entries).toHaveLength(1);
    expect(queue.withdrawable).toBe(0n);
    expect(queue.pending).toBe(parseAmount("4,000"));
    await expect(alice.withdraw()).rejects.toBeInstanceOf(NothingToWithdrawError);

    await increaseTime(BigInt(unbondingPeriod));
    expect((await reader.getUnbondingQueue({ account: ALICE })).withdrawable).toBe(parseAmount("4,000"));
    const paid = await alice.withdraw();
    expect(
      paid.events.some((e) => e.eventName === "Withdrawn" && e.args.amount === parseAmount("4,000")),
    ).toBe(true);
    expect(await now()).toBeGreaterThan(0n);
  });

  test("cannot remove more than is staked", async () => {
    await client("alice").delegate({ provider: A, amount: parseAmount("1,000") });
    const error = await client("alice")
      .undelegate({ provider: A, amount: parseAmount("2,000") })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InsufficientStakeError);
    expect((error as Error).message).toContain("cannot remove 2,000 ANKR: only 1,000 ANKR is staked there");
  });

  test("redelegate moves stake at once; same provider and self-stake are refused", async () => {
    const alice = client("alice");
    await alice.delegate({ provider: A, amount: parseAmount("3,000") });
    await alice.redelegate({ fromProvider: A, toProvider: B, amount: parseAmount("1,000") });
    const { positions, totalStake } = await reader.getPositions({ delegator: ALICE });
    expect(totalStake).toBe(parseAmount("3,000"));
    expect(positions.map((p) => [p.provider, p.stake])).toEqual(
      expect.arrayContaining([
        [A, parseAmount("2,000")],
        [B, parseAmount("1,000")],
      ]),
    );
    await expect(alice.redelegate({ fromProvider: A, toProvider: A, amount: 1n })).rejects.toBeInstanceOf(
      SameProviderError,
    );
    await expect(
      client("providerA").redelegate({ fromProvider: A, toProvider: B, amount: parseAmount("1,000") }),
    ).rejects.toBeInstanceOf(SelfStakeNotMovableError);
  });
});
