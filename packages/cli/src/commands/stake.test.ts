import { describe, expect, test } from "vitest";

import { A, ALICE, B, cli, increaseTime, isolate, reader } from "../../test/cli.js";

isolate();

const ANKR = 10n ** 18n;

describe("delegator commands", () => {
  test("stake, unstake, redelegate, positions, history, withdraw", async () => {
    const staked = await cli(["stake", A, "5,000", "--json"], { actor: "alice" });
    expect(staked.code).toBe(0);
    const doc = staked.json<{
      status: string;
      function: string;
      hash: string;
      gas: string;
      tokenStep: { kind: string };
    }>();
    expect(doc).toMatchObject({
      status: "success",
      function: "delegateWithPermit",
      tokenStep: { kind: "permit" },
    });
    expect(doc.hash).toMatch(/^0x[0-9a-f]{64}$/);

    const human = await cli(["stake", B, "1,000.5"], { actor: "alice" });
    expect(human.stdout).toMatch(/^staked 1,000.5 ANKR to 0x[0-9a-fA-F]{40} \(permit signed\)\ntx 0x/);

    const unstaked = await cli(["unstake", A, "1,000", "--json"], { actor: "alice" });
    expect(unstaked.json<{ releaseAt: string }>().releaseAt).toMatch(/^\d+$/);
    expect((await cli(["redelegate", A, B, "2,000"], { actor: "alice" })).code).toBe(0);

    const positions = (await cli(["positions", "--json"], { actor: "alice" })).json<{
      account: string;
      totalStake: string;
      positions: { provider: string; stake: string }[];
      unbonding: { pending: string };
    }>();
    expect(positions.account).toBe(ALICE);
    expect(BigInt(positions.totalStake)).toBe(5_000n * ANKR + 10_005n * 10n ** 17n - 1_000n * ANKR);
    expect(positions.unbonding.pending).toBe((1_000n * ANKR).toString());
    const table = await cli(["positions", ALICE]);
    expect(table.stdout).toContain("withdrawable now 0 ANKR");

    const history = (await cli(["history", ALICE, "--json"])).json<{ events: { event: string }[] }>();
    expect(history.events.map((e) => e.event)).toEqual(
      expect.arrayContaining(["Delegated", "Undelegated", "Redelegated"]),
    );

    const early = await cli(["withdraw"], { actor: "alice" });
    expect(early.code).toBe(1);
    expect(early.stderr).toBe("error: nothing has finished unbonding yet\n");
    await increaseTime(Number((await reader.getParameters()).unbondingPeriod));
    const withdrawn = await cli(["withdraw", "--json"], { actor: "alice" });
    expect(withdrawn.json<{ withdrawn: string }>().withdrawn).toBe((1_000n * ANKR).toString());
  });

  test("--dry-run simulates, prints gas and sends nothing", async () => {
    const before = await reader.publicClient.getTransactionCount({ address: ALICE });
    const dry = await cli(["stake", A, "1,000", "--dry-run"], { actor: "alice" });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(
      /^dry run: staked 1,000 ANKR to 0x\w+ would succeed \(delegateWithPermit, gas ~\d+\)/,
    );
    const json = (
      await cli(["stake", A, "1,000", "--dry-run", "--json", "--method", "approve"], { actor: "alice" })
    ).json<{
      status: string;
      function: string;
      gas: string;
      tokenStep: { kind: string; gas: string; callSimulated: boolean };
    }>();
    // The main call is simulated as if the approval were given: its outcome and both gases.
    expect(json).toMatchObject({
      status: "simulated",
      function: "delegate",
      tokenStep: { kind: "approve-needed", callSimulated: true },
    });
    expect(BigInt(json.gas)).toBeGreaterThan(BigInt(json.tokenStep.gas));
    const bad = await cli(["stake", A, "500", "--dry-run", "--method", "approve"], { actor: "alice" });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("below the 1,000 ANKR minimum");
    expect(await reader.publicClient.getTransactionCount({ address: ALICE })).toBe(before);
  });

  test("reverts come back decoded, exit 1, nothing sent", async () => {
    const below = await cli(["stake", A, "500"], { actor: "alice" });
    expect(below.code).toBe(1);
    expect(below.stderr).toBe(
      "error: amount 500 ANKR is below the 1,000 ANKR minimum delegation (what remains must be 0 or at least the minimum)\n",
    );
    const none = await cli(["claim"], { actor: "alice" });
    expect(none).toMatchObject({ code: 2, stderr: "error: there are no rewards to claim\n" });
  });

  test("bad usage: exit 2 with one line", async () => {
    for (const [args, message] of [
      [["stake", A, "abc"], 'error: "abc" is not a valid amount'],
      [["stake", A, "0"], "error: the amount must be greater than zero"],
      [["stake", "0xnope", "1"], 'error: "0xnope" is not a valid provider address'],
      [["unstake", A], "error: missing required argument 'amount'"],
      [["stake", A, "1,000"], "error: no account to sign with"],
    ] as const) {
      const result = await cli(args);
      expect(result.code, args.join(" ")).toBe(2);
      expect(result.stderr.split("\n")[0]).toContain(message);
    }
    const key = await cli(["stake", A, "1,000"], { env: { ANKR_PRIVATE_KEY: "0x1234" } });
    expect(key).toMatchObject({
      code: 2,
      stderr: "error: ANKR_PRIVATE_KEY is not a 32-byte hex private key\n",
    });
  });

  test("RPC down: exit 1 with a plain message", async () => {
    const down = await cli(["providers", "--rpc-url", "http://127.0.0.1:9"]);
    expect(down).toMatchObject({
      code: 1,
      stderr: "error: the RPC endpoint http://127.0.0.1:9/ is not reachable\n",
    });
  });
});
