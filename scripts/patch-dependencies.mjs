// Run by the root `postinstall` (npm install, npm ci): small edits to three installed packages the
// indexer runs on, each an exact text replacement, applied in place and idempotent. They change no
// behaviour, only speed: the indexer's catch-up from ~1,600 to 2,200-2,400 events/s (docs/indexer.md,
// Benchmark, has the figures per edit and how they were found).
//
// Exact replacements instead of patch-package: PGlite ships one minified 20 KB line, whose diff is a
// 40 KB blob nobody can review; here each edit is stated in full. A package at another version is
// left alone with a warning (drop or redo its entry then); text that is not found fails the install.
// `node scripts/patch-dependencies.mjs --check` verifies instead of editing (below).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

// drizzle-orm's PgDialect.prepareTyping body, moved as it is to a module-level function.
const typingChecks = `    if (is(encoder, PgJsonb) || is(encoder, PgJson)) {
      return "json";
    } else if (is(encoder, PgNumeric)) {
      return "decimal";
    } else if (is(encoder, PgTime)) {
      return "time";
    } else if (is(encoder, PgTimestamp) || is(encoder, PgTimestampString)) {
      return "timestamp";
    } else if (is(encoder, PgDate) || is(encoder, PgDateString)) {
      return "date";
    } else if (is(encoder, PgUUID)) {
      return "uuid";
    } else {
      return "none";
    }
`;

const packages = [
  {
    name: "ponder",
    version: "0.16.10",
    edits: [
      // eth_getLogs merging (backport of 0.17.6, "combining compatible eth_getLogs requests"; 0.17
      // needs Node 22). 0.16.10 merges one address's log filters into one request only when
      // topic1-3 are `undefined`, but its config builder sets them to `null`, so every event type
      // (about 60 here) was its own eth_getLogs per block range, each scanning the range on the node.
      ...[1, 2, 3].map((n) => ({
        file: "dist/esm/sync-historical/index.js",
        from: `const hasTopic${n} = filter.topic${n} !== undefined;`,
        to: `const hasTopic${n} = filter.topic${n} !== undefined && filter.topic${n} !== null;`,
      })),
      // Where the adaptive rate limit starts (PONDER_RPC_INITIAL_RPS; upstream's 20 req/s unless
      // set). ponder.config.ts sets it for the queued node, which already bounds what is in flight.
      {
        file: "dist/esm/rpc/index.js",
        from: "        rpsLimit: INITIAL_MAX_RPS,\n",
        to: "        rpsLimit: Number(process.env.PONDER_RPC_INITIAL_RPS ?? INITIAL_MAX_RPS),\n",
      },
    ],
  },
  {
    name: "drizzle-orm",
    version: "0.41.0",
    edits: [
      // `is()` fell back to walking the class chain on every miss; building the sync store's INSERTs
      // calls it about ten times per parameter. The kinds along a class's chain are fixed, so they
      // are collected once per class.
      {
        file: "entity.js",
        from: `  let cls = Object.getPrototypeOf(value).constructor;
  if (cls) {
    while (cls) {
      if (entityKind in cls && cls[entityKind] === type[entityKind]) {
        return true;
      }
      cls = Object.getPrototypeOf(cls);
    }
  }
  return false;
}
`,
        to: `  const cls = Object.getPrototypeOf(value).constructor;
  return cls ? kindsOf(cls).has(type[entityKind]) : false;
}
const kindsByClass = /* @__PURE__ */ new WeakMap();
function kindsOf(cls) {
  let kinds = kindsByClass.get(cls);
  if (kinds === void 0) {
    kinds = /* @__PURE__ */ new Set();
    for (let c = cls; c; c = Object.getPrototypeOf(c)) {
      if (entityKind in c) kinds.add(c[entityKind]);
    }
    kindsByClass.set(cls, kinds);
  }
  return kinds;
}
`,
      },
      // A parameter's wire type depends only on its column, which lives as long as the schema: it is
      // worked out once per column instead of through ten `is()` checks per parameter. (Drizzle
      // passes prepareTyping around unbound, so the cache and the checks live at module level.)
      {
        file: "pg-core/dialect.js",
        from: `  prepareTyping(encoder) {
${typingChecks}  }
`,
        to: `  prepareTyping(encoder) {
    const cacheable = typeof encoder === "object" && encoder !== null;
    let typing = cacheable ? typingByEncoder.get(encoder) : void 0;
    if (typing === void 0) {
      typing = typingOf(encoder);
      if (cacheable) typingByEncoder.set(encoder, typing);
    }
    return typing;
  }
`,
      },
      {
        file: "pg-core/dialect.js",
        from: "class PgDialect {",
        to: `const typingByEncoder = /* @__PURE__ */ new WeakMap();
function typingOf(encoder) {
${typingChecks.replace(/^ {2}/gm, "")}}
class PgDialect {`,
      },
    ],
  },
  {
    name: "@electric-sql/pglite",
    version: "0.2.13",
    edits: [
      // The protocol reader copied every text field into a new ArrayBuffer before decoding it; it now
      // decodes a view of the message. Reading the events back from the sync store is 100,000s of
      // fields, and the copies were garbage.
      {
        file: "dist/chunk-JSQ47LU7.js",
        from: "string(t){return s(this,ye).decode(this.bytes(t))}",
        to: "string(t){let n=new Uint8Array(s(this,T).buffer,s(this,w),t);return d(this,w,s(this,w)+t),s(this,ye).decode(n)}",
      },
    ],
  },
];

// `--check`: change nothing; list every package not at its version and every edit not in place, and
// exit 1 if there is any (the indexer's tests run it, so a Ponder upgrade cannot drop them unseen).
const check = process.argv.includes("--check");
const problems = [];
for (const { name, version, edits } of packages) {
  const dir = join(root, "node_modules", name);
  if (!existsSync(join(dir, "package.json"))) {
    if (check) problems.push(`${name} is not installed`);
    continue;
  }
  const installed = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).version;
  if (installed !== version) {
    if (check) problems.push(`${name} is ${installed}, not ${version}`);
    else
      console.warn(
        `patch-dependencies: ${name} is ${installed}, not ${version}: not patched (see scripts/patch-dependencies.mjs)`,
      );
    continue;
  }
  for (const { file, from, to } of edits) {
    const path = join(dir, file);
    const text = readFileSync(path, "utf8");
    if (text.includes(to)) continue;
    if (check) problems.push(`${path} lacks the edit: ${to.trim().split("\n")[0]}`);
    else if (!text.includes(from))
      throw new Error(`patch-dependencies: ${path} lacks the text to patch: ${from.trim()}`);
    else writeFileSync(path, text.replace(from, to));
  }
}
if (problems.length > 0) {
  console.error(`patch-dependencies --check:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
