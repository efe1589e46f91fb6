import { BelowMinDelegationError, RpcUnavailableError, WalletRejectedError } from "@ankr-staking/sdk";
import { UserRejectedRequestError } from "viem";
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
});
