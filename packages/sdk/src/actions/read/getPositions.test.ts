import { describe, expect, test } from "vitest";

import { A, ALICE, B, client, increaseTime, isolate, now, reader } from "../../../test/fixtures.js";
import { parseAmount } from "../../amounts/amount.js";

isolate();

/** Alice stakes `amount` at A, epoch 0 ends and is settled with full scores, and an hour streams. */
async function stakeAndAccrue(amount: bigint): Promise<void> {
  await client("alice").delegate({ provider: A, amount });
  const { nextSettleableAt } = await reader.getEpoch();
  await increaseTime(nextSettleableAt - (await now()) + 1n);
  await client("settler").settleEpoch({ defaultScoreBps: 10_000 });
  await increaseTime(3600);
}

describe("getPositions", () => {
  test("a provider fully unstaked from stays listed with stake 0 while it has rewards to claim", async () => {
    const staked = parseAmount("300,000");
    await stakeAndAccrue(staked);
    await client("alice").undelegate({ provider: A, amount: staked });

    const { positions, totalStake, totalRewards, unbonding } = await reader.getPositions({
      delegator: ALICE,
    });
    const [position] = positions;
    expect(positions).toHaveLength(1);
    expect(position?.provider).toBe(A);
    expect(position?.stake).toBe(0n);
    expect(position?.rewards).toBeGreaterThan(0n);
    expect(position?.rewards).toBe(await reader.getPendingRewards({ provider: A, delegator: ALICE }));
    expect(totalStake).toBe(0n);
    expect(totalRewards).toBe(position?.rewards);
    expect(unbonding.pending).toBe(staked);

    // No stake: nothing accrues any more, so the claim pays exactly what was listed.
    const claimed = await client("alice").claim({ provider: A });
    const paid = claimed.events.find((e) => e.eventName === "RewardsClaimed");
    expect(paid?.eventName === "RewardsClaimed" && paid.args.amount).toBe(position?.rewards);
    expect((await reader.getPositions({ delegator: ALICE })).positions).toEqual([]);
  });

  test("a provider redelegated away from in full keeps its rewards listed beside the new stake", async () => {
    const staked = parseAmount("300,000");
    await stakeAndAccrue(staked);
    await client("alice").redelegate({ fromProvider: A, toProvider: B, amount: staked });

    const { positions } = await reader.getPositions({ delegator: ALICE });
    const at = (provider: string) => positions.find((p) => p.provider === provider);
    expect(positions).toHaveLength(2);
    expect(at(A)?.stake).toBe(0n);
    expect(at(A)?.rewards).toBeGreaterThan(0n);
    expect(at(B)?.stake).toBe(staked);
  });
});
