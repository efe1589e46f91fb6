// End-to-end: anvil + the real deploy script + `vite preview` + Debian's Chromium (playwright-core).
import { defineConfig } from "vitest/config";

import { sdkFromSource } from "../sdk/vitest.source.ts";

export default defineConfig({
  resolve: { alias: sdkFromSource },
  test: {
    include: ["e2e/**/*.e2e.ts"],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 600_000,
  },
});
