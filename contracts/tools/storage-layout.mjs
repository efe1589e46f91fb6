#!/usr/bin/env node
// Storage-layout guard for upgrades. The staking contract keeps all state in one ERC-7201
// namespace (src/libraries/StakingStorage.sol). This compares the compiler's layout of that
// namespace, and the implementation's own (expected empty) sequential storage, with
// snapshots/storage-layout.json: existing members must keep their slot, offset and type; new
// members may only be appended. `--write` records the current layout after a reviewed change.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";

const snapshotPath = new URL("../snapshots/storage-layout.json", import.meta.url);
const cwd = new URL("..", import.meta.url);

function inspect(contract) {
  const out = execFileSync("npx", ["forge", "inspect", contract, "storageLayout", "--json"], {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
  return JSON.parse(out);
}

// AST ids inside type names change with every edit; they carry no layout information.
const normalize = (type) => type.replace(/\)\d+/g, ")");

function describe() {
  const probe = inspect("StorageLayoutProbe");
  const structs = {};
  for (const [id, type] of Object.entries(probe.types)) {
    if (!type.members) continue;
    structs[normalize(id)] = type.members.map((m) => ({
      label: m.label,
      slot: m.slot,
      offset: m.offset,
      type: normalize(m.type),
    }));
  }
  const implementation = inspect("AnkrStaking").storage.map((s) => ({ label: s.label, slot: s.slot }));
  return { implementation, structs };
}

const current = describe();
if (process.argv.includes("--write")) {
  writeFileSync(snapshotPath, `${JSON.stringify(current, null, 2)}\n`);
  console.error("storage layout snapshot written");
  process.exit(0);
}

const recorded = JSON.parse(readFileSync(snapshotPath, "utf8"));
const problems = [];
if (current.implementation.length !== 0) {
  problems.push(`AnkrStaking declares sequential storage: ${JSON.stringify(current.implementation)}`);
}
for (const [name, members] of Object.entries(recorded.structs)) {
  const now = current.structs[name];
  if (!now) {
    problems.push(`struct ${name} disappeared`);
    continue;
  }
  members.forEach((m, i) => {
    const n = now[i];
    if (!n || n.label !== m.label || n.slot !== m.slot || n.offset !== m.offset || n.type !== m.type) {
      problems.push(`${name}.${m.label}: was ${JSON.stringify(m)}, now ${JSON.stringify(n ?? null)}`);
    }
  });
}
if (problems.length > 0) {
  console.error(`Storage layout is not upgrade-safe:\n- ${problems.join("\n- ")}`);
  process.exit(1);
}
console.error("storage layout: append-only, ok");
