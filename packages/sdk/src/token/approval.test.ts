import { describe, expect, test } from "vitest";

import { A, ALICE, client, increaseTime, isolate, reader } from "../../test/fixtures.js";
import { parseAmount } from "../amounts/amount.js";
import { ChainTimeAheadError, MAX_CHAIN_TIME_AHEAD } from "./approval.js";

isolate();

const localNow = () => BigInt(Math.floor(Date.now() / 1000));

describe("a permit's deadline and the node's clock", () => {
  test("in step with the local clock: a permit valid for its lifetime from now, no longer", async () => {
    const before = localNow();
    const result = await client("alice").delegate({ provider: A, amount: parseAmount("1,000") });
    const after = localNow();
    expect(result.tokenStep?.kind).toBe("permit");
    const deadline = result.tokenStep?.kind === "permit" ? result.tokenStep.deadline : 0n;
    expect(deadline).toBeGreaterThanOrEqual(before + 3600n);
    expect(deadline).toBeLessThanOrEqual(after + 3600n + MAX_CHAIN_TIME_AHEAD);
  });

  test("a block time far ahead of the local clock: no permit is signed from it", async () => {
    // What a node lying about its time (or a devnet moved ahead) reports: a day in the future.
    await increaseTime(86_400);
    const nonce = await reader.publicClient.getTransactionCount({ address: ALICE });
    const refused = await client("alice")
      .delegate({ provider: A, amount: parseAmount("1,000"), method: "permit" })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ChainTimeAheadError);
    expect((refused as ChainTimeAheadError).shortMessage).toMatch(
      /^the RPC endpoint's latest block is 86,\d{3} s ahead of this machine's clock \(at most 3,600 s allowed\): a permit signed from it would stay valid that much longer; check the endpoint and the clock, or use an approval$/,
    );
    expect(await reader.publicClient.getTransactionCount({ address: ALICE })).toBe(nonce);

    // `auto` approves exactly the amount instead: a transaction, which no clock extends.
    const staked = await client("alice").delegate({ provider: A, amount: parseAmount("1,000") });
    expect(staked.functionName).toBe("delegate");
    expect(staked.tokenStep?.kind).toBe("approve");
    expect((await reader.getAccount({ account: ALICE })).allowance).toBe(0n);
    expect((await reader.getDelegation({ provider: A, delegator: ALICE })).stake).toBe(parseAmount("1,000"));
  });

  test("a block time ahead by less than the allowance still gets a permit, bounded by the local clock", async () => {
    await increaseTime(600);
    const result = await client("alice").delegate({ provider: A, amount: parseAmount("1,000") });
    const after = localNow();
    expect(result.tokenStep?.kind).toBe("permit");
    const deadline = result.tokenStep?.kind === "permit" ? result.tokenStep.deadline : 0n;
    expect(deadline).toBeLessThanOrEqual(after + 3600n + MAX_CHAIN_TIME_AHEAD);
  });
});
