// Checks an amount before anything is sent, with the reason in words. Pure, so the forms and the
// tests share it.
import { InvalidAmountError, parseAmount } from "@ankr-staking/sdk";

import { ankr } from "./format.ts";

export type Checked = { ok: true; amount: bigint } | { ok: false; error: string };

export type StakeLimits = {
  balance: bigint;
  /** Minimum resulting stake at the provider (minDelegation), and the stake already there. */
  minDelegation: bigint;
  currentStake: bigint;
  /** What the account may still add at the provider (capacity, caps and allotment). */
  capacityLeft: bigint;
  unlimited: boolean;
  /** The account's unused allotment, when the pool is capped and it holds one. */
  allotmentLeft?: bigint | undefined;
};

export function parseInput(input: string): Checked {
  if (input.trim() === "") return { ok: false, error: "Enter an amount." };
  try {
    const amount = parseAmount(input);
    if (amount === 0n) return { ok: false, error: "Enter an amount above zero." };
    return { ok: true, amount };
  } catch (error) {
    if (error instanceof InvalidAmountError)
      return { ok: false, error: "That is not a number. Use digits and at most one decimal point." };
    throw error;
  }
}

export function checkStake(input: string, limits: StakeLimits): Checked {
  const parsed = parseInput(input);
  if (!parsed.ok) return parsed;
  const { amount } = parsed;
  if (amount > limits.balance)
    return { ok: false, error: `You hold ${ankr(limits.balance)}; that is less than ${ankr(amount)}.` };
  if (limits.currentStake + amount < limits.minDelegation)
    return {
      ok: false,
      error: `The minimum stake at a provider is ${ankr(limits.minDelegation)}.`,
    };
  if (!limits.unlimited && amount > limits.capacityLeft) {
    if (limits.allotmentLeft !== undefined && limits.allotmentLeft > 0n)
      return {
        ok: false,
        error: `You can stake at most ${ankr(limits.capacityLeft)} here: your unused allotment is ${ankr(limits.allotmentLeft)}.`,
      };
    return {
      ok: false,
      error:
        limits.capacityLeft === 0n
          ? "This provider has no capacity left for new stake."
          : `This provider has only ${ankr(limits.capacityLeft)} of capacity left.`,
    };
  }
  return { ok: true, amount };
}

export function checkUnstake(input: string, stake: bigint, minDelegation: bigint): Checked {
  const parsed = parseInput(input);
  if (!parsed.ok) return parsed;
  const { amount } = parsed;
  if (amount > stake) return { ok: false, error: `You have only ${ankr(stake)} staked here.` };
  const rest = stake - amount;
  if (rest > 0n && rest < minDelegation)
    return {
      ok: false,
      error: `What stays staked must be at least ${ankr(minDelegation)}, or unstake all ${ankr(stake)}.`,
    };
  return { ok: true, amount };
}
