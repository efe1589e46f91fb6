import { describe, expect, test } from "vitest";

import { A, ALICE, B, client, increaseTime, isolate, now, reader } from "../../../test/fixtures.js";
import { parseAmount } from "../../amounts/amount.js";
import { NothingToClaimError } from "../../errors/contract.js";
import { projectRewardsDown } from "../../math/rewards.js";

isolate();

/** Alice stakes at A, epoch 0 ends and is settled with full scores; returns the settlement time. */
async function stakeAndSettle(): Promise<bigint> {
  await client("alice").delegate({ provider: A, amount: parseAmount("300,000") });
  const { nextSettleableAt } = await reader.getEpoch();
  await increaseTime(nextSettleableAt - (await now()) + 1n);
  const settled = await client("settler").settleEpoch({ defaultScoreBps: 10_000 });
  const log = settled.events.find((e) => e.eventName === "ProvidersSettled");
  expect(log?.eventName === "ProvidersSettled" ? log.args.settlements : []).toHaveLength(2);
  return (await reader.publicClient.getBlock({ blockNumber: settled.blockNumber })).timestamp;
}

describe("rewards", () => {
  test("nothing to claim before any settlement", async () => {
    await client("alice").delegate({ provider: A, amount: parseAmount("1,000") });
    await expect(client("alice").claim({ provider: A })).rejects.toBeInstanceOf(NothingToClaimError);
  });

  test("pending rewards after a settlement match the SDK's projection to the wei", async () => {
    const settledAt = await stakeAndSettle();
    const pool = await reader.getProvider({ provider: A });
    const start = await reader.getDelegation({ provider: A, delegator: ALICE });
    await increaseTime(86_400);
    const t = await now();
    const { rewards, stake } = await reader.getDelegation({ provider: A, delegator: ALICE });
    const stream = {
      rewardRate: pool.rewardRate,
      rewardFinish: pool.rewardFinish,
      poolStake: pool.totalStake,
    };
    expect(rewards).toBeGreaterThan(0n);
    expect(rewards).toBe(start.rewards + projectRewardsDown(stream, stake, settledAt, t));
    // Projection into the future through the action.
    const later = await reader.getPendingRewards({ provider: A, delegator: ALICE, at: t + 3600n });
    expect(later).toBe(rewards + projectRewardsDown(stream, stake, t, t + 3600n));
  });

  test("claim pays, restake compounds, claimAll spans providers, yield is positive", async () => {
    await stakeAndSettle();
    await client("alice").delegate({ provider: B, amount: parseAmount("1,000") });
    await increaseTime(3600);
    const claimed = await client("alice").claim({ provider: A });
    const event = claimed.events.find((e) => e.eventName === "RewardsClaimed");
    expect(event?.eventName === "RewardsClaimed" && event.args.amount).toBeGreaterThan(0n);

    await increaseTime(3600);
    const before = (await reader.getDelegation({ provider: A, delegator: ALICE })).stake;
    await client("alice").restake({ provider: A });
    expect((await reader.getDelegation({ provider: A, delegator: ALICE })).stake).toBeGreaterThan(before);

    await increaseTime(3600);
    const all = await client("alice").claimAll({ providers: [A, B] });
    expect(all.events.some((e) => e.eventName === "RewardsClaimed")).toBe(true);

    const { apr, apy, epochs } = await reader.getProviderYield({ provider: A });
    expect(epochs).toBe(1);
    expect(apr).toBeGreaterThan(0);
    expect(apy).toBeGreaterThanOrEqual(apr);

    const history = await reader.getHistory({ account: ALICE });
    expect(history.map((e) => e.eventName)).toEqual(
      expect.arrayContaining(["Delegated", "RewardsClaimed", "RewardsRestaked"]),
    );
  });
});
