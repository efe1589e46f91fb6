import { defineConfig } from "vitest/config";

import { sdkFromSource } from "../sdk/vitest.source.ts";

export default defineConfig({
  resolve: { alias: sdkFromSource },
  test: {
    globalSetup: ["test/globalSetup.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
