// The SDK from source for the other packages' vitest runs, as the monorepo's `source` export
// condition gives it to tsx and Vite: `resolve: { alias: sdkFromSource }`.
import { fileURLToPath } from "node:url";

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

export const sdkFromSource = [
  { find: /^@ankr-staking\/sdk\/node$/, replacement: src("node.ts") },
  { find: /^@ankr-staking\/sdk$/, replacement: src("index.ts") },
];
