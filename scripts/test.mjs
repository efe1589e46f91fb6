#!/usr/bin/env node
// Runs every test suite of the repository in turn and ends with one line adding them all up:
// `N passed, N failed, N skipped`. Each suite's own output streams through unchanged.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const ci = process.env.CI === "true";

/** Each suite: how to run it and how to read its counts from its output. */
// vitest's summary: "Tests  12 passed | 1 failed | 2 skipped (15)" (colours stripped; parts optional).
const ansi = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");
const vitest = (out) => {
  const line = out
    .replace(ansi, "")
    .split("\n")
    .findLast((l) => /^\s*Tests\s+\d/.test(l));
  if (!line) return undefined;
  const count = (word) => Number(line.match(new RegExp(`(\\d+) ${word}`))?.[1] ?? 0);
  return { passed: count("passed"), failed: count("failed"), skipped: count("skipped") + count("todo") };
};

const suites = [
  {
    name: "contracts (forge)",
    cwd: "contracts",
    command: "npx",
    args: ["forge", "test"],
    env: ci ? { FOUNDRY_PROFILE: "ci" } : {},
    // "Ran 12 test suites in 1.2s (3.4s CPU time): 100 tests passed, 0 failed, 0 skipped (100 total tests)"
    parse: (out) => {
      const m = [...out.matchAll(/(\d+) tests passed, (\d+) failed, (\d+) skipped/g)].at(-1);
      return m ? { passed: +m[1], failed: +m[2], skipped: +m[3] } : undefined;
    },
  },
  {
    // After forge has built contracts/out: fails when the checked-in ABIs differ from the contracts.
    name: "sdk abis up to date",
    cwd: "packages/sdk",
    command: "node",
    args: ["scripts/generate.mjs", "--check"],
    parse: (out) => {
      const m = [...out.matchAll(/(\d+) passed, (\d+) failed, (\d+) skipped/g)].at(-1);
      return m ? { passed: +m[1], failed: +m[2], skipped: +m[3] } : undefined;
    },
  },
  {
    name: "sdk (vitest, anvil)",
    cwd: "packages/sdk",
    command: "npx",
    args: ["vitest", "run"],
    parse: vitest,
  },
  {
    name: "cli (vitest, anvil)",
    cwd: "packages/cli",
    command: "npx",
    args: ["vitest", "run"],
    parse: vitest,
  },
  {
    name: "indexer (vitest, anvil, ponder)",
    cwd: "packages/indexer",
    command: "npx",
    args: ["vitest", "run"],
    env: { NO_COLOR: "1" },
    parse: vitest,
  },
  {
    name: "oracle (vitest)",
    cwd: "packages/oracle",
    command: "npx",
    args: ["vitest", "run"],
    env: { NO_COLOR: "1" },
    parse: vitest,
  },
  {
    name: "web (vitest)",
    cwd: "packages/web",
    command: "npx",
    args: ["vitest", "run"],
    env: { NO_COLOR: "1" },
    parse: vitest,
  },
  {
    // Chromium (Debian's) drives the production build against anvil + the deploy script.
    name: "web e2e (chromium, anvil)",
    cwd: "packages/web",
    command: "npx",
    args: ["vitest", "run", "--config", "vitest.e2e.config.ts"],
    env: { NO_COLOR: "1" },
    parse: vitest,
  },
  {
    // Starts the whole devnet with `npm start` on free ports and stops it (about a minute).
    name: "devnet smoke (vitest)",
    cwd: "packages/devnet",
    command: "npx",
    args: ["vitest", "run"],
    env: { NO_COLOR: "1" },
    parse: vitest,
  },
];

function run(suite) {
  return new Promise((resolve) => {
    process.stderr.write(`\n=== ${suite.name} ===\n`);
    const child = spawn(suite.command, suite.args, {
      cwd: `${root}/${suite.cwd}`,
      env: { ...process.env, ...suite.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const collect = (stream) => (chunk) => {
      output += chunk;
      stream.write(chunk);
    };
    child.stdout.on("data", collect(process.stdout));
    child.stderr.on("data", collect(process.stderr));
    child.on("close", (code) => {
      const counts = suite.parse(output);
      // A suite that crashed before reporting counts as one failure, never as zero tests.
      if (!counts) resolve({ passed: 0, failed: 1, skipped: 0 });
      else resolve({ ...counts, failed: counts.failed + (code !== 0 && counts.failed === 0 ? 1 : 0) });
    });
  });
}

const total = { passed: 0, failed: 0, skipped: 0 };
// TEST_ONLY=sdk,cli runs only the suites whose name contains one of the words.
const only = process.env.TEST_ONLY?.split(",").filter(Boolean);
for (const suite of suites.filter((s) => !only || only.some((word) => s.name.includes(word)))) {
  const counts = await run(suite);
  for (const key of Object.keys(total)) total[key] += counts[key];
}
console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed === 0 ? 0 : 1);
