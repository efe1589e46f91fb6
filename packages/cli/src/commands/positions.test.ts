import { describe, expect, test } from "vitest";

import { A, ALICE, cli, increaseTime, isolate, now, reader } from "../../test/cli.js";

isolate();

type PositionsDocument = {
  totalStake: string;
  totalRewards: string;
  positions: { provider: string; stake: string; rewards: string }[];
};

describe("positions", () => {
  test("a provider fully unstaked from is listed with stake 0 and its rewards until they are claimed", async () => {
    expect((await cli(["stake", A, "300,000"], { actor: "alice" })).code).toBe(0);
    const { nextSettleableAt } = await reader.getEpoch();
    await increaseTime(nextSettleableAt - (await now()) + 1n);
    expect((await cli(["settle", "--default-score", "10000"], { actor: "settler" })).code).toBe(0);
    await increaseTime(3600);
    expect((await cli(["unstake", A, "300,000"], { actor: "alice" })).code).toBe(0);

    const listed = (await cli(["positions", ALICE, "--json"])).json<PositionsDocument>();
    const pending = await reader.getPendingRewards({ provider: A, delegator: ALICE });
    expect(pending).toBeGreaterThan(0n);
    expect(listed).toMatchObject({
      totalStake: "0",
      totalRewards: pending.toString(),
      positions: [{ provider: A, stake: "0", rewards: pending.toString() }],
    });
    const table = await cli(["positions", ALICE]);
    expect(table.stdout).toMatch(new RegExp(`^${A}  0 ANKR +[1-9][\\d,.]* ANKR$`, "m"));

    // `claim` with no provider named finds it among the positions.
    const claimed = await cli(["claim", "--json"], { actor: "alice" });
    expect(claimed.json<{ claimed: string }>().claimed).toBe(pending.toString());
    const after = (await cli(["positions", ALICE, "--json"])).json<PositionsDocument>();
    expect(after.positions).toEqual([]);
    expect((await cli(["positions", ALICE])).stdout).toMatch(/^no positions$/m);
  });
});
