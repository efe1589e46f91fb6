import { describe, expect, test } from "vitest";

import { A, B, cli } from "../../test/cli.js";

describe("providers, provider", () => {
  test("providers: a table by default, one JSON document with --json", async () => {
    const human = await cli(["providers"]);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain("Acme RPC");
    expect(human.stdout).toContain("100,000 ANKR");
    const json = await cli(["providers", "--sort", "commission", "--json"]);
    const list =
      json.json<{ address: string; status: number; totalStake: string; commissionBps: string }[]>();
    expect(list.map((p) => p.address)).toEqual([B, A]);
    expect(list[0]).toMatchObject({
      status: 2,
      totalStake: "100000000000000000000000",
      commissionBps: "500",
    });
  });

  test("provider <address>: details, capacity and yield", async () => {
    const human = await cli(["provider", A]);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/capacity left:\s+1,600,000 ANKR/);
    const json = (await cli(["provider", A, "--json"])).json<{
      metadata: { name: string };
      capacity: { capacityLeft: string };
      yield: { epochs: number };
    }>();
    expect(json.metadata.name).toBe("Acme RPC");
    expect(json.capacity.capacityLeft).toBe("1600000000000000000000000");
    expect(json.yield.epochs).toBe(0);
  });

  test("bad input: plain message, exit 2", async () => {
    const bad = await cli(["provider", "0x1234"]);
    expect(bad).toMatchObject({ code: 2, stdout: "" });
    expect(bad.stderr).toBe('error: "0x1234" is not a valid provider address\n');
    const unknown = await cli(["provider", "0x000000000000000000000000000000000000dEaD"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe("error: unknown provider 0x000000000000000000000000000000000000dEaD\n");
  });
});
