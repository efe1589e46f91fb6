import { describe, expect, test } from "vitest";
import type { ProviderRow } from "../data/source.ts";

import { chainsServed, filterProviders, sortProviders } from "./Providers.tsx";

const row = (name: string, stake: bigint, commission: bigint, statusName: string, status: number) =>
  ({
    address: `0x${name.length.toString().padStart(40, "0")}`,
    metadata: { name, chains: [{ id: name === "Beta" ? "solana" : "ethereum", endpoints: [] }] },
    totalStake: stake,
    commissionBps: commission,
    statusName,
    status,
  }) as unknown as ProviderRow;

const rows = [
  row("Acme", 300n, 1000n, "Active", 2),
  row("Beta", 200n, 500n, "Active", 2),
  row("Gone", 0n, 0n, "Exited", 4),
];

describe("providers table", () => {
  test("exited providers are hidden unless asked for; search by name or chain", () => {
    expect(filterProviders(rows, "", "all").map((r) => r.metadata?.name)).toEqual(["Acme", "Beta"]);
    expect(filterProviders(rows, "", "Exited").map((r) => r.metadata?.name)).toEqual(["Gone"]);
    expect(filterProviders(rows, "SOL", "all").map((r) => r.metadata?.name)).toEqual(["Beta"]);
  });
  test("chains served by their registry names, unknown ids as given, and sorted by how many", () => {
    const many = {
      ...row("Many", 1n, 1n, "Active", 2),
      metadata: {
        name: "Many",
        chains: [
          { id: "ethereum", endpoints: [] },
          { id: "solana", endpoints: [] },
          { id: "devnet", endpoints: [] },
        ],
      },
    } as ProviderRow;
    const none = { ...row("None", 1n, 1n, "Active", 2), metadata: undefined } as ProviderRow;
    expect(chainsServed(many)).toBe("Ethereum, Solana, devnet");
    expect(chainsServed(none)).toBe("–");
    expect(
      sortProviders([none, rows[0] as ProviderRow, many], "chains", true).map((r) => r.metadata?.name),
    ).toEqual(["Many", "Acme", undefined]);
  });
  test("sorts by any column both ways", () => {
    expect(sortProviders(rows, "stake", true).map((r) => r.metadata?.name)).toEqual(["Acme", "Beta", "Gone"]);
    expect(sortProviders(rows, "commission", false).map((r) => r.metadata?.name)).toEqual([
      "Gone",
      "Beta",
      "Acme",
    ]);
  });
});
