import { describe, expect, test } from "vitest";

import { CHAINS } from "../chains/registry.js";
import {
  decodeMetadataURI,
  encodeMetadataURI,
  InvalidMetadataError,
  type ProviderMetadata,
  parseMetadata,
} from "./metadata.js";

const doc: ProviderMetadata = {
  name: "Acme RPC",
  website: "https://acme.example",
  chains: [
    { id: "ethereum", endpoints: ["https://eth.acme.example"] },
    { id: "solana", endpoints: ["https://sol.acme.example", "http://127.0.0.1:8899"] },
  ],
};

describe("provider metadata", () => {
  test("round-trips through a data: URI, unicode included", () => {
    const named = { ...doc, name: "Acmé RPC ⚡" };
    expect(decodeMetadataURI(encodeMetadataURI(named))).toEqual(named);
    expect(decodeMetadataURI("https://acme.example/meta.json")).toBeUndefined();
    expect(decodeMetadataURI("data:application/json,not json")).toBeUndefined();
  });

  test.each([
    [{ ...doc, name: " " }, "name is empty"],
    [{ ...doc, name: "x".repeat(101) }, "over 100 characters"],
    [{ ...doc, website: "http://acme.example" }, "not an https URL"],
    [{ ...doc, chains: [{ endpoints: ["https://x.example"] }] }, "needs an id"],
    [{ ...doc, chains: [{ id: "ethereum", endpoints: [] }] }, "needs 1 to 8 endpoints"],
    [{ ...doc, chains: [{ id: "ethereum", endpoints: ["ftp://x"] }] }, "ftp://x is not an http(s) URL"],
    [{ ...doc, chains: [doc.chains?.[0], doc.chains?.[0]] }, "listed twice"],
  ])("refuses %#: %s", (bad, reason) => {
    expect(() => parseMetadata(bad)).toThrow(InvalidMetadataError);
    expect(() => parseMetadata(bad)).toThrow(reason);
  });

  test("the chain registry holds 18+ chains with unique ids", () => {
    expect(CHAINS.length).toBeGreaterThanOrEqual(18);
    expect(new Set(CHAINS.map((c) => c.id)).size).toBe(CHAINS.length);
  });
});
