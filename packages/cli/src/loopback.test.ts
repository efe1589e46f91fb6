import { describe, expect, test } from "vitest";

import { isLoopbackUrl } from "./loopback.js";

describe("isLoopbackUrl", () => {
  test("this machine: localhost, 127.0.0.0/8 and ::1 (also IPv4-mapped)", () => {
    for (const url of [
      "http://127.0.0.1:8545",
      "http://127.8.9.10",
      "https://localhost:8545/rpc",
      "http://[::1]:8545",
      "http://[::ffff:127.0.0.1]:8545",
    ])
      expect(isLoopbackUrl(url), url).toBe(true);
  });

  test("anything else: other addresses, host names (which could resolve anywhere), no URL", () => {
    for (const url of [
      "https://rpc.ankr.com/eth",
      "http://localhost.example.com",
      "http://10.0.0.1:8545",
      "http://0.0.0.0:8545",
      "http://[::]:8545",
      "not a url",
    ])
      expect(isLoopbackUrl(url), url).toBe(false);
  });
});
