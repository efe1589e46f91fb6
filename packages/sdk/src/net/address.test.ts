import { describe, expect, test } from "vitest";

import { AddressRefusedError, InvalidAllowListError } from "../errors/net.js";
import { checkAddress, PUBLIC_ONLY, parseAllowList } from "./address.js";

describe("address policy", () => {
  test("an empty allow-list is public-only: loopback, private and link-local are refused", () => {
    expect(parseAllowList(" ")).toEqual(PUBLIC_ONLY);
    for (const address of ["127.0.0.1", "10.1.2.3", "169.254.169.254", "::1", "::ffff:127.0.0.1"])
      expect(() => checkAddress("h", address, parseAllowList(""))).toThrow(AddressRefusedError);
    expect(() => checkAddress("h", "1.1.1.1", PUBLIC_ONLY)).not.toThrow();
  });

  test("an allow-list lets exactly its ranges through", () => {
    const policy = parseAllowList("127.0.0.0/8, ::1/128");
    expect(policy.allow).toEqual(["127.0.0.0/8", "::1/128"]);
    expect(() => checkAddress("h", "127.0.0.1", policy)).not.toThrow();
    expect(() => checkAddress("h", "::1", policy)).not.toThrow();
    expect(() => checkAddress("h", "10.0.0.1", policy)).toThrow("Refused h: 10.0.0.1 is private");
  });

  test("an entry that is not a CIDR range is a clear error", () => {
    expect(() => parseAllowList("127.0.0.1")).toThrow(InvalidAllowListError);
    expect(() => parseAllowList("127.0.0.0/8,localhost")).toThrow(/"localhost" is not a CIDR range/);
  });
});
