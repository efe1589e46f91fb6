import { describe, expect, test } from "vitest";

import { parseRoute } from "./router.ts";

describe("parseRoute", () => {
  test("pages", () => {
    expect(parseRoute("")).toEqual({ page: "providers" });
    expect(parseRoute("#/dashboard")).toEqual({ page: "dashboard" });
    expect(parseRoute("#/console")).toEqual({ page: "console" });
    const address = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    expect(parseRoute(`#/providers/${address}`)).toEqual({ page: "provider", address });
    expect(parseRoute("#/governance")).toEqual({ page: "governance" });
    expect(parseRoute("#/governance/1234567890123456789012345678901234567890")).toEqual({
      page: "proposal",
      id: 1234567890123456789012345678901234567890n,
    });
    expect(parseRoute("#/governance/abc")).toEqual({ page: "not-found", path: "/governance/abc" });
    expect(parseRoute("#/providers/0x12")).toEqual({ page: "not-found", path: "/providers/0x12" });
  });
});
