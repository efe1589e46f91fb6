// Run by the root `postinstall` (npm install, npm ci): two changes to the installed Ponder 0.16.10, each
// a few characters, applied in place and idempotent. Ponder 0.17 (which has the first) needs Node 22;
// this project runs on Node 20. Any other Ponder version is left alone with a warning: drop or redo
// the entry then. The reasons and the benchmark figures are in docs/indexer.md (Benchmark).
//
// 1. eth_getLogs merging (backport of Ponder 0.17.6, "combining compatible eth_getLogs requests").
//    0.16.10 merges the log filters of one address into a single request only when topic1-3 are
//    `undefined`, but its config builder sets them to `null`: every event type became its own
//    eth_getLogs per block range (about 60 here), each scanning the whole range on the node.
// 2. The initial request rate of Ponder's adaptive limiter, PONDER_RPC_INITIAL_RPS (default 20, as
//    upstream). Ponder starts every node at 20 requests/s and raises it by 5% only after ten seconds
//    at the limit; the indexer's own node sits behind its queued transport (src/transport.ts), which
//    already bounds what is in flight, so the limiter only left the node idle.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const VERSION = "0.16.10";
const patches = [
  ...[1, 2, 3].map((n) => ({
    file: "dist/esm/sync-historical/index.js",
    from: `const hasTopic${n} = filter.topic${n} !== undefined;`,
    to: `const hasTopic${n} = filter.topic${n} !== undefined && filter.topic${n} !== null;`,
  })),
  {
    file: "dist/esm/rpc/index.js",
    from: "        rpsLimit: INITIAL_MAX_RPS,\n",
    to: "        rpsLimit: Number(process.env.PONDER_RPC_INITIAL_RPS ?? INITIAL_MAX_RPS),\n",
  },
];

for (const dir of [join(root, "node_modules/ponder"), join(root, "packages/indexer/node_modules/ponder")]) {
  if (!existsSync(join(dir, "package.json"))) continue;
  const { version } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  if (version !== VERSION) {
    console.warn(
      `patch-ponder: ${dir} is ponder ${version}, not ${VERSION}: not patched (see scripts/patch-ponder.mjs)`,
    );
    continue;
  }
  for (const { file, from, to } of patches) {
    const path = join(dir, file);
    const text = readFileSync(path, "utf8");
    if (text.includes(to)) continue;
    if (!text.includes(from))
      throw new Error(`patch-ponder: ${path} lacks the text to patch: ${from.trim()}`);
    writeFileSync(path, text.replace(from, to));
  }
}
