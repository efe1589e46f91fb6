import { describe, expect, test } from "vitest";

import { A, ALICE, asTimelock, BOB, client, isolate, reader } from "../../../test/fixtures.js";
import { parseAmount } from "../../amounts/amount.js";
import {
  BelowMinDelegationError,
  PausedError,
  ProviderCapacityExceededError,
} from "../../errors/contract.js";

isolate();

describe("delegate", () => {
  test("uses a permit (one transaction) when the token supports EIP-2612", async () => {
    const amount = parseAmount("5,000");
    const result = await client("alice").delegate({ provider: A, amount });
    expect(result.status).toBe("success");
    expect(result.functionName).toBe("delegateWithPermit");
    expect(result.tokenStep?.kind).toBe("permit");
    const delegated = result.events.find((e) => e.eventName === "Delegated");
    expect(delegated?.eventName === "Delegated" && delegated.args).toMatchObject({
      delegator: ALICE,
      provider: A,
      amount,
      delegationStake: amount,
    });
    expect((await reader.getDelegation({ provider: A, delegator: ALICE })).stake).toBe(amount);
  });

  test("approves exactly the amount first when asked to (tokens without permit)", async () => {
    const amount = parseAmount("2,000");
    const result = await client("bob").delegate({ provider: A, amount, method: "approve" });
    expect(result.functionName).toBe("delegate");
    expect(result.tokenStep?.kind).toBe("approve");
    expect((await reader.getAccount({ account: BOB })).allowance).toBe(0n);
    // With the allowance already there, no token step at all.
    await client("bob").delegate({ provider: A, amount, method: "approve", dryRun: true });
  });

  test("dry run simulates and estimates gas without sending", async () => {
    const result = await client("alice").delegate({
      provider: A,
      amount: parseAmount("1,000"),
      dryRun: true,
    });
    expect(result.status).toBe("simulated");
    expect(result.hash).toBeUndefined();
    expect(result.gas).toBeGreaterThan(50_000n);
    expect((await reader.getDelegation({ provider: A, delegator: ALICE })).stake).toBe(0n);
  });

  test("below the minimum: a typed error with a readable message, nothing sent", async () => {
    const before = await reader.publicClient.getTransactionCount({ address: ALICE });
    const error = await client("alice")
      .delegate({ provider: A, amount: parseAmount("500") })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BelowMinDelegationError);
    expect((error as BelowMinDelegationError).shortMessage).toBe(
      "amount 500 ANKR is below the 1,000 ANKR minimum delegation (what remains must be 0 or at least the minimum)",
    );
    expect(await reader.publicClient.getTransactionCount({ address: ALICE })).toBe(before);
  });

  test("capacity left follows the delegation ratio and the provider cap", async () => {
    const { capacityLeft, unlimited } = await reader.getCapacityLeft({ provider: A, account: ALICE });
    expect(unlimited).toBe(false);
    expect(capacityLeft).toBe(parseAmount("1,600,000")); // 16 x 100,000 self-stake
    await (await asTimelock()).setProviderCap({ provider: A, maxStake: parseAmount("150,000") });
    expect((await reader.getCapacityLeft({ provider: A, account: ALICE })).capacityLeft).toBe(
      parseAmount("50,000"),
    );
    const error = await client("alice")
      .delegate({ provider: A, amount: parseAmount("60,000") })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderCapacityExceededError);
  });

  test("paused: new stake is refused with a clear reason", async () => {
    await client("guardian").pause();
    const error = await client("alice")
      .delegate({ provider: A, amount: parseAmount("1,000") })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PausedError);
    expect((error as PausedError).shortMessage).toContain("paused");
  });
});
