import {
  AlreadyOverriddenError,
  BelowMinDelegationError,
  RpcUnavailableError,
  UnexpectedProposalStateError,
  WalletRejectedError,
} from "@ankr-staking/sdk";
import { pad, toHex, UserRejectedRequestError } from "viem";
import { describe, expect, test } from "vitest";

import { plainError } from "./errors.ts";

describe("plainError", () => {
  test("wallet rejection, in the SDK's and viem's forms", () => {
    expect(plainError(new WalletRejectedError())).toMatch(/rejected the request in your wallet/);
    expect(plainError(new UserRejectedRequestError(new Error("no")))).toMatch(/rejected/);
  });
  test("RPC down", () => {
    expect(plainError(new RpcUnavailableError("http://127.0.0.1:1"))).toMatch(/network is not reachable/);
    expect(plainError(new TypeError("Failed to fetch"))).toMatch(/network is not reachable/);
  });
  test("a decoded revert keeps the SDK's readable message", () => {
    const error = new BelowMinDelegationError("StakingBelowMinDelegation", [10n, 1000n] as never);
    expect(plainError(error)).toMatch(/^[A-Z].*\.$/);
  });
  test("governance refusals read as sentences", () => {
    const succeeded = pad(toHex(1 << 4), { size: 32 });
    expect(
      plainError(new UnexpectedProposalStateError("GovernorUnexpectedProposalState", [7n, 3, succeeded])),
    ).toBe("Proposal 7 is Defeated; this needs it Succeeded.");
    const alice = "0x90F79bf6EB2c4f870365E785982E1f101E93b906";
    const acme = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    expect(plainError(new AlreadyOverriddenError("GovernorAlreadyOverridden", [alice, acme]))).toMatch(
      /^0x90F7.*overrid.*0x7099.*\.$/,
    );
  });
});
