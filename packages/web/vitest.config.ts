import { defineConfig } from "vitest/config";

import { sdkFromSource } from "../sdk/vitest.source.ts";

export default defineConfig({
  resolve: { alias: sdkFromSource },
  test: { environment: "happy-dom", include: ["src/**/*.test.{ts,tsx}"] },
});
