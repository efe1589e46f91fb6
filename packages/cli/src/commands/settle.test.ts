import { describe, expect, test } from "vitest";

import { A, cli, increaseTime, isolate, now, reader } from "../../test/cli.js";

isolate();

describe("operator commands", () => {
  test("settle refuses an epoch that has not ended, then settles; claim and restake pay", async () => {
    expect((await cli(["stake", A, "10,000"], { actor: "alice" })).code).toBe(0);
    const early = await cli(["settle", "--default-score", "10000"], { actor: "settler" });
    expect(early.code).toBe(2);
    expect(early.stderr).toMatch(/^error: epoch 0 ends .*; it cannot be settled before/);

    const { nextSettleableAt } = await reader.getEpoch();
    await increaseTime(nextSettleableAt - (await now()) + 1n);
    const missing = await cli(["settle"], { actor: "settler" });
    expect(missing).toMatchObject({ code: 2 });
    expect(missing.stderr).toMatch(/^error: no score for scored provider/);
    const unauthorized = await cli(["settle", "--default-score", "10000"], { actor: "alice" });
    expect(unauthorized.code).toBe(1);
    expect(unauthorized.stderr).toContain("lacks SETTLER_ROLE");

    const settled = await cli(["settle", "--default-score", "10000", "--score", `${A}=9000`, "--json"], {
      actor: "settler",
    });
    expect(settled.code).toBe(0);
    const doc = settled.json<{ epoch: string; budget: string; events: { event: string }[] }>();
    expect(doc.epoch).toBe("0");
    expect(BigInt(doc.budget)).toBeGreaterThan(0n);
    expect(doc.events.filter((e) => e.event === "ProvidersSettled")).toHaveLength(1);

    await increaseTime(3600);
    const claimed = await cli(["claim", "--json"], { actor: "alice" });
    expect(BigInt(claimed.json<{ claimed: string }>().claimed)).toBeGreaterThan(0n);
    await increaseTime(3600);
    expect((await cli(["restake", A], { actor: "alice" })).stdout).toMatch(/^restaked [\d,.]+ ANKR at/);
    expect((await cli(["provider", A, "--json"])).json<{ yield: { epochs: number } }>().yield.epochs).toBe(1);
  });

  test("fund approves the vault and adds to it", async () => {
    const before = (await reader.getTotals()).vaultBalance;
    const funded = await cli(["fund", "1,000", "--json"], { actor: "bob" });
    expect(funded.json<{ tokenStep: { kind: string } }>().tokenStep.kind).toBe("approve");
    expect((await reader.getTotals()).vaultBalance - before).toBe(1_000n * 10n ** 18n);
  });
});
