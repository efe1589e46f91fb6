// Property test: the SDK's capacityLeft against the contract's, over random caps and allotments.
import fc from "fast-check";
import { describe, expect, test } from "vitest";

import { A, ALICE, asTimelock, B, BOB, client, isolate, reader, withSnapshot } from "../../test/fixtures.js";
import { parseAmount } from "../amounts/amount.js";
import { capacityLeft } from "./capacity.js";

isolate();

const RUNS = Number(process.env.PROPERTY_RUNS ?? 20);
const ankr = (n: number) => parseAmount(String(n));

describe("capacityLeft mirrors the contract", () => {
  test("for delegators and for a provider's own top-up", async () => {
    const admin = await asTimelock();
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          stake: fc.integer({ min: 1_000, max: 500_000 }),
          ratio: fc.integer({ min: 0, max: 20 }),
          providerCap: fc.oneof(fc.constant(0), fc.integer({ min: 100_000, max: 3_000_000 })),
          globalCap: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4_000_000 })),
          allotment: fc.integer({ min: 0, max: 1_000_000 }),
        }),
        (input) =>
          withSnapshot(async () => {
            await client("alice").delegate({ provider: A, amount: ankr(input.stake) });
            const params = await reader.getParameters();
            await admin.setParameters({ parameters: { ...params, delegationRatio: input.ratio } });
            await admin.setProviderCap({ provider: A, maxStake: ankr(input.providerCap) });
            await admin.setGlobalCap({ globalCap: ankr(input.globalCap) });
            await admin.setAllotment({ account: ALICE, allotment: ankr(input.allotment) });
            const totals = await reader.getTotals();
            for (const [provider, account] of [
              [A, ALICE],
              [A, A],
              [B, BOB],
              [B, ALICE],
            ] as const) {
              const [view, onChain] = await Promise.all([
                reader.getProvider({ provider }),
                reader.getCapacityLeft({ provider, account }),
              ]);
              const sdk = capacityLeft({
                provider: view,
                delegationRatio: BigInt(input.ratio),
                totals,
                allotment: { allotment: onChain.allotment, used: onChain.allotmentUsed },
                isSelf: provider === account,
              });
              expect(sdk).toBe(onChain.capacityLeft);
            }
          }),
      ),
      { numRuns: RUNS },
    );
  });
});
