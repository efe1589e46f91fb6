import { privateKeyToAccount } from "viem/accounts";
import { describe, expect, test } from "vitest";

import { devnetAccounts } from "./devnetConnector.ts";

describe("devnet accounts", () => {
  test("each written-out address is its key's", () => {
    for (const { address, key } of devnetAccounts) expect(privateKeyToAccount(key).address).toBe(address);
  });
});
