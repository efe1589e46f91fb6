import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";

import { InvalidDeploymentError, parseDeployment, UnknownDeploymentError } from "./deployment.js";
import { loadDeployment, readDeployments } from "./registry.js";

const file = {
  chainId: 1,
  token: "0x8290333cef9e6d528dd5618fb97a76f268f3edd4",
  rewardVault: "0x5FC8d32690cc91D4c39d9d3abcBD16989F875707",
  staking: "0xa513E6E4b8f2a923D98304ec87F64353C4D5C853",
  stakingImplementation: "0x0165878A594ca255338adfa4d48449f69242Eb8F",
  startBlock: 21000000,
};

describe("deployments registry", () => {
  test("reads <chainId>.json files, checksums addresses, keys them by chain id", () => {
    const dir = mkdtempSync(join(tmpdir(), "deployments-"));
    try {
      writeFileSync(join(dir, "1.json"), JSON.stringify(file));
      writeFileSync(join(dir, "notes.txt"), "ignored");
      const registry = readDeployments(dir);
      expect([...registry.keys()]).toEqual([1]);
      const mainnet = loadDeployment(1, { dir });
      expect(mainnet.token).toBe("0x8290333ceF9e6D528dD5618Fb97a76f268f3EDD4");
      expect(mainnet.startBlock).toBe(21_000_000n);
      expect(loadDeployment(join(dir, "1.json"))).toEqual(mainnet);
      expect(() => loadDeployment(5, { dir })).toThrow(UnknownDeploymentError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("the repository's devnet file is valid", () => {
    const devnet = loadDeployment(31337, {
      dir: new URL("../../../../deployments", import.meta.url).pathname,
    });
    expect(devnet.chainId).toBe(31337);
  });

  test("rejects documents without addresses", () => {
    expect(() => parseDeployment({ ...file, staking: "0x1" })).toThrow(InvalidDeploymentError);
    expect(() => parseDeployment({ ...file, chainId: 0 })).toThrow("chainId must be a positive integer");
  });
});
