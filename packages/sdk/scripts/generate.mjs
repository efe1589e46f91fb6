#!/usr/bin/env node
// Regenerates src/abis/generated.ts from the contracts with @wagmi/cli's Foundry plugin.
// `--check` generates into a scratch file from the existing build output (contracts/out, as
// `forge build` or `forge test` left it) and fails when the checked-in file differs.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";

const pkg = fileURLToPath(new URL("..", import.meta.url));
const root = join(pkg, "..", "..");
const checked = join(pkg, "src", "abis", "generated.ts");
const check = process.argv.includes("--check");

// The Foundry plugin calls `forge`: the npm-installed binaries are on PATH through node_modules/.bin.
const PATH = [
  join(root, "node_modules", ".bin"),
  join(root, "contracts", "node_modules", ".bin"),
  process.env.PATH,
].join(delimiter);
const scratch = check ? mkdtempSync(join(tmpdir(), "ankr-abis-")) : undefined;
const out = scratch ? join(scratch, "generated.ts") : checked;

const result = spawnSync("npx", ["wagmi", "generate"], {
  cwd: pkg,
  stdio: ["ignore", "inherit", "inherit"],
  env: { ...process.env, PATH, ABIS_OUT: out, ABIS_BUILD: check ? "false" : "true" },
});
try {
  if (result.status !== 0) {
    console.error("abis: wagmi generate failed");
    process.exit(1);
  }
  if (check) {
    if (readFileSync(out, "utf8") !== readFileSync(checked, "utf8")) {
      console.error(
        "abis: packages/sdk/src/abis/generated.ts differs from the contracts; run `npm run generate` and commit it",
      );
      console.log("0 passed, 1 failed, 0 skipped");
      process.exit(1);
    }
    console.log("abis: generated.ts matches the contracts");
    console.log("1 passed, 0 failed, 0 skipped");
  }
} finally {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}
