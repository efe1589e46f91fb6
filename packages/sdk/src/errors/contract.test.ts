// Every error the protocol itself declares has its own class and a readable message; nothing of
// ours comes out as a bare ContractRevertError.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";

import { contractsDir } from "../../test/devnet.js";
import { type ContractErrorName, ContractRevertError, createRevertError, revertAbi } from "./contract.js";

function solidityFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? solidityFiles(join(dir, entry.name))
      : entry.name.endsWith(".sol")
        ? [join(dir, entry.name)]
        : [],
  );
}

// ProposalBuilder is a library for scripts and tests, never deployed: its errors cannot reach a client.
const declared = [
  ...new Set(
    solidityFiles(join(contractsDir, "src"))
      .filter((file) => !file.endsWith("ProposalBuilder.sol"))
      .flatMap((file) =>
        [...readFileSync(file, "utf8").matchAll(/^\s*error\s+(\w+)\s*\(/gm)].map((m) => m[1] as string),
      ),
  ),
].sort();

// Arguments of the right types for each error, so its message can be built.
function sampleArgs(name: ContractErrorName): unknown[] {
  const item = revertAbi.find((e) => e.name === name);
  return (item?.inputs ?? []).map((input) =>
    input.type === "address"
      ? "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"
      : input.type.startsWith("bytes")
        ? `0x${"00".repeat(32)}`
        : input.type === "string"
          ? "x"
          : 1n,
  );
}

describe("protocol errors", () => {
  test("the contracts declare the errors the SDK knows", () => {
    expect(declared.length).toBeGreaterThan(50);
    const known = new Set<string>(revertAbi.map((e) => e.name));
    expect(declared.filter((name) => !known.has(name))).toEqual([]);
  });

  test("each has its own subclass and a readable message", () => {
    const generic = declared.filter((name) => {
      const error = createRevertError(name as ContractErrorName, sampleArgs(name as ContractErrorName));
      expect(error).toBeInstanceOf(ContractRevertError);
      expect(error.shortMessage).toMatch(/^[a-z0-9"]/i);
      expect(error.shortMessage).not.toContain("undefined");
      return Object.getPrototypeOf(error) === ContractRevertError.prototype;
    });
    expect(generic).toEqual([]);
  });
});
