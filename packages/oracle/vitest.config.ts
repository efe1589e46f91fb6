import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 240_000,
    // Two cores: the anvil end-to-end suite should not race the others for CPU.
    fileParallelism: false,
  },
});
