import { http } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { describe, expect, test } from "vitest";

import { A, deployment, keys } from "../../test/fixtures.js";
import { createStakingClient } from "../client/createStakingClient.js";
import { BaseError } from "./base.js";
import { BelowMinDelegationError, ContractRevertError, createRevertError } from "./contract.js";
import { MissingAccountError, RpcUnavailableError } from "./rpc.js";

describe("errors", () => {
  test("revert messages read as sentences with formatted amounts", () => {
    const error = createRevertError("StakingBelowMinDelegation", [500n * 10n ** 18n, 1000n * 10n ** 18n]);
    expect(error).toBeInstanceOf(BelowMinDelegationError);
    expect(error).toBeInstanceOf(ContractRevertError);
    expect(error).toBeInstanceOf(BaseError);
    expect(error.name).toBe("BelowMinDelegationError");
    expect(error.shortMessage).toMatch(/^amount 500 ANKR is below the 1,000 ANKR minimum/);
    expect(createRevertError("StakingProviderNotActive", [A, 1]).shortMessage).toBe(
      `provider ${A} is Pending, not Active`,
    );
    const param = createRevertError("StakingInvalidParameter", [
      "0x6d696e44656c65676174696f6e00000000000000000000000000000000000000",
      0n,
    ]);
    expect(param.shortMessage).toBe("parameter minDelegation cannot be 0");
  });

  test("an unreachable RPC is an RpcUnavailableError", async () => {
    const client = createStakingClient({
      deployment,
      transport: http("http://127.0.0.1:9/", { retryCount: 0 }),
    });
    const error = await client.getParameters().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RpcUnavailableError);
    expect((error as RpcUnavailableError).shortMessage).toBe(
      "the RPC endpoint http://127.0.0.1:9/ is not reachable",
    );
  });

  test("a write without an account is a MissingAccountError", async () => {
    const client = createStakingClient({ deployment, rpcUrl: "http://127.0.0.1:9/" });
    await expect(client.withdraw()).rejects.toBeInstanceOf(MissingAccountError);
    expect(privateKeyToAccount(keys.alice).address).toMatch(/^0x/);
  });
});
