import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";

import { cli, deploymentFile, rpcUrl } from "../test/cli.js";
import { buildProgram } from "./main.js";

describe("the program", () => {
  test("every command has --help with an example", async () => {
    const { program } = buildProgram({
      stdout: process.stdout,
      stderr: process.stderr,
      env: {},
      isTTY: false,
      cwd: ".",
    });
    for (const command of program.commands) {
      const help = await cli([command.name(), "--help"]);
      expect(help.code, command.name()).toBe(0);
      expect(help.stdout, command.name()).toContain("Example:");
      // Examples can be pasted: full addresses and ids, never "0x7099...79C8".
      expect(help.stdout, command.name()).not.toMatch(/(0x)?[0-9a-fA-F]{3,}\.\.\.[0-9a-fA-F]{3,}/);
    }
  });

  test("unknown command and option exit 2", async () => {
    expect((await cli(["frobnicate"])).code).toBe(2);
    expect((await cli(["providers", "--frob"])).code).toBe(2);
  });

  test("the real process: JSON on stdout, exit code", () => {
    const root = fileURLToPath(new URL("../../..", import.meta.url));
    const env = { ...process.env, ANKR_RPC_URL: rpcUrl, ANKR_DEPLOYMENT: deploymentFile };
    const ok = spawnSync("npm", ["run", "--silent", "cli", "--", "providers", "--json"], {
      cwd: root,
      env,
      encoding: "utf8",
    });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toHaveLength(2);
    const bad = spawnSync("npm", ["run", "--silent", "cli", "--", "stake", "0x1", "1"], {
      cwd: root,
      env,
      encoding: "utf8",
    });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe("");
  });
});
