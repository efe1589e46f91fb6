import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const sdk = (path: string) => fileURLToPath(new URL(`../sdk/src/${path}`, import.meta.url));

export default defineConfig({
  resolve: {
    // The SDK from source, as the monorepo's `source` export condition gives it.
    alias: [
      { find: /^@ankr-staking\/sdk\/node$/, replacement: sdk("node.ts") },
      { find: /^@ankr-staking\/sdk$/, replacement: sdk("index.ts") },
    ],
  },
  test: {
    include: ["test/**/*.test.ts"],
    // The smoke test starts the whole devnet once (about 40 s on two cores once built; a web or
    // contracts rebuild adds to it), the dry run deploys once (about 10 s).
    testTimeout: 60_000,
    hookTimeout: 420_000,
    fileParallelism: false,
  },
});
