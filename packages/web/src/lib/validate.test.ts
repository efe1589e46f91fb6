import { parseAmount } from "@ankr-staking/sdk";
import { describe, expect, test } from "vitest";

import { checkStake, checkUnstake } from "./validate.ts";

const limits = {
  balance: parseAmount("10,000"),
  minDelegation: parseAmount("1,000"),
  currentStake: 0n,
  capacityLeft: parseAmount("5,000"),
  unlimited: false,
};

describe("checkStake", () => {
  test.each([
    ["", /Enter an amount/],
    ["abc", /not a number/],
    ["0", /above zero/],
    ["1.2.3", /not a number/],
    ["500", /minimum stake at a provider is 1,000 ANKR/],
    ["20,000", /You hold 10,000 ANKR/],
    ["6,000", /only 5,000 ANKR of capacity left/],
  ])("%s is refused", (input, message) => {
    const result = checkStake(input, limits);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  test("a valid amount parses to wei", () => {
    expect(checkStake("1,500.5", limits)).toEqual({ ok: true, amount: parseAmount("1500.5") });
  });

  test("a top-up below the minimum is fine when the stake already meets it", () => {
    expect(checkStake("10", { ...limits, currentStake: parseAmount("1,000") }).ok).toBe(true);
  });

  test("the allotment is named when it is what limits the account", () => {
    const result = checkStake("6,000", { ...limits, allotmentLeft: parseAmount("5,000") });
    expect(result.ok ? "" : result.error).toMatch(/unused allotment is 5,000 ANKR/);
  });

  test("no capacity left and uncapped", () => {
    const full = checkStake("1,000", { ...limits, capacityLeft: 0n });
    expect(full.ok ? "" : full.error).toMatch(/no capacity left/);
    expect(checkStake("9,000", { ...limits, capacityLeft: 0n, unlimited: true }).ok).toBe(true);
  });
});

describe("checkUnstake", () => {
  const stake = parseAmount("5,000");
  const min = parseAmount("1,000");
  test("all or leaving at least the minimum", () => {
    expect(checkUnstake("5,000", stake, min).ok).toBe(true);
    expect(checkUnstake("4,000", stake, min).ok).toBe(true);
    const rest = checkUnstake("4,500", stake, min);
    expect(rest.ok ? "" : rest.error).toMatch(/at least 1,000 ANKR, or unstake all 5,000 ANKR/);
    const over = checkUnstake("6,000", stake, min);
    expect(over.ok ? "" : over.error).toMatch(/only 5,000 ANKR staked here/);
  });
});
