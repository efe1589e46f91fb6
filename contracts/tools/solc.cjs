#!/usr/bin/env node
// Forge-compatible solc: forge cannot download a compiler here, so it runs this script, which
// speaks the two things forge asks of solc (`--version`, `--standard-json`) over solc-js from npm.
//
// The input goes to the compiler through the wasm heap: solc-js's own `compile` passes it through
// emscripten's cwrap, which copies string arguments onto the 5 MiB wasm stack (up to 4 bytes per
// character). Past ~1.3 MB of standard-JSON input that overflows the stack into the heap and solc
// dies with "memory access out of bounds" (or "table index is out of bounds", "Aborted()").
const fs = require("node:fs");
const path = require("node:path");
const soljson = require("solc/soljson.js");
const solc = require("solc/wrapper.js")(soljson);

const args = process.argv.slice(2);
if (args.includes("--version")) {
  process.stdout.write(`solc, the solidity compiler commandline interface\nVersion: ${solc.version()}\n`);
  process.exit(0);
}
if (!args.includes("--standard-json")) {
  process.stderr.write("only --version and --standard-json are supported\n");
  process.exit(1);
}

const alloc = soljson.cwrap("solidity_alloc", "number", ["number"]);
const compile = soljson.cwrap("solidity_compile", "number", ["number", "number", "number"]);
const reset = soljson.cwrap("solidity_reset", null, []);

// Copies `str` into memory solc owns (it frees it) and stores the pointer at `ptrPtr`.
const toSolc = (str, ptrPtr) => {
  const size = Buffer.byteLength(str) + 1;
  const buffer = alloc(size);
  soljson.stringToUTF8(str, buffer, size);
  soljson.setValue(ptrPtr, buffer, "i32");
};

// solc's read callback: (context, kind, data, contents*, error*).
const callback = soljson.addFunction((_context, kind, data, contents, error) => {
  if (soljson.UTF8ToString(kind) !== "source") return toSolc("unsupported callback", error);
  const importPath = soljson.UTF8ToString(data);
  try {
    toSolc(fs.readFileSync(path.resolve(importPath), "utf8"), contents);
  } catch (e) {
    toSolc(`${importPath}: ${e.message}`, error);
  }
}, "viiiii");

const chunks = [];
process.stdin.on("data", (chunk) => chunks.push(chunk));
process.stdin.on("end", () => {
  const input = Buffer.concat(chunks).toString("utf8");
  const size = Buffer.byteLength(input) + 1;
  const inputPtr = soljson._malloc(size);
  soljson.stringToUTF8(input, inputPtr, size);
  const output = soljson.UTF8ToString(compile(inputPtr, callback, 0));
  soljson._free(inputPtr);
  reset();
  process.stdout.write(output);
});
