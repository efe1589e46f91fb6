import { defineConfig } from "vitest/config";

import { sdkFromSource } from "../sdk/vitest.source.ts";

export default defineConfig({
  resolve: { alias: sdkFromSource },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 240_000,
    // Two cores: the anvil end-to-end suite should not race the others for CPU.
    fileParallelism: false,
  },
});
