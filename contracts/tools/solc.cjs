#!/usr/bin/env node
// Forge-compatible solc: forge cannot download a compiler here, so it runs this script, which
// speaks the two things forge asks of solc (`--version`, `--standard-json`) over solc-js from npm.
const fs = require("node:fs");
const path = require("node:path");
const solc = require("solc");

const args = process.argv.slice(2);
if (args.includes("--version")) {
  process.stdout.write(`solc, the solidity compiler commandline interface\nVersion: ${solc.version()}\n`);
  process.exit(0);
}
if (!args.includes("--standard-json")) {
  process.stderr.write("only --version and --standard-json are supported\n");
  process.exit(1);
}

const findImports = (importPath) => {
  try {
    return { contents: fs.readFileSync(path.resolve(importPath), "utf8") };
  } catch (error) {
    return { error: `${importPath}: ${error.message}` };
  }
};

const chunks = [];
process.stdin.on("data", (chunk) => chunks.push(chunk));
process.stdin.on("end", () => {
  const input = Buffer.concat(chunks).toString("utf8");
  if (process.env.SOLC_DUMP) fs.writeFileSync(process.env.SOLC_DUMP, input);
  process.stdout.write(solc.compile(input, { import: findImports }));
});
