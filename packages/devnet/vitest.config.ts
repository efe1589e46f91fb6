import { defineConfig } from "vitest/config";

import { sdkFromSource } from "../sdk/vitest.source.ts";

export default defineConfig({
  resolve: { alias: sdkFromSource },
  test: {
    include: ["test/**/*.test.ts"],
    // The smoke test starts the whole devnet twice (about 40 s each on two cores once built; a web
    // or contracts rebuild adds to the first), the dry run deploys once (about 25 s).
    testTimeout: 60_000,
    hookTimeout: 420_000,
    fileParallelism: false,
  },
});
