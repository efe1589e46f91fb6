import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const sdk = fileURLToPath(new URL("../sdk/src/index.ts", import.meta.url));

export default defineConfig({
  resolve: { alias: [{ find: /^@ankr-staking\/sdk$/, replacement: sdk }] },
  test: { environment: "happy-dom", include: ["src/**/*.test.{ts,tsx}"] },
});
