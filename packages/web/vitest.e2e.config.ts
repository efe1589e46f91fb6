// End-to-end: anvil + the real deploy script + `vite preview` + Debian's Chromium (playwright-core).
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const sdk = (path: string) => fileURLToPath(new URL(`../sdk/src/${path}`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@ankr-staking\/sdk\/node$/, replacement: sdk("node.ts") },
      { find: /^@ankr-staking\/sdk$/, replacement: sdk("index.ts") },
    ],
  },
  test: {
    include: ["e2e/**/*.e2e.ts"],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 600_000,
  },
});
