#!/usr/bin/env node
// The production build's JavaScript loaded by the first page (the providers table), gzip:
// the entry chunk, its static imports, and the Providers route chunk with its static imports.
// Run after `vite build`; prints one JSON object.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const dist = new URL("../dist/", import.meta.url);
const manifest = JSON.parse(readFileSync(new URL(".vite/manifest.json", dist), "utf8"));
const files = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return;
  files.add(chunk.file);
  for (const dep of chunk.imports ?? []) visit(dep);
};
visit("index.html");
visit("src/routes/Providers.tsx");
const gzip = (file) => gzipSync(readFileSync(new URL(file, dist)), { level: 9 }).length;
const initial = [...files].reduce((sum, f) => sum + gzip(f), 0);
const all = Object.values(manifest)
  .map((c) => c.file)
  .filter((f) => f.endsWith(".js"))
  .reduce((sum, f) => sum + gzip(f), 0);
console.log(
  JSON.stringify({
    initialJsGzipKB: +(initial / 1024).toFixed(1),
    allJsGzipKB: +(all / 1024).toFixed(1),
    initialFiles: [...files],
  }),
);
