// Vitest global setup: one seeded devnet per test run, shared by every test file through
// evm_snapshot/evm_revert (see fixtures.ts), stopped by pid at the end.
import type { TestProject } from "vitest/node";

import { startDevnet } from "./devnet.js";
import "./provided.js";

export default async function setup(project: TestProject) {
  const chainId = Number(process.env.DEVNET_CHAIN_ID ?? 31_338);
  const devnet = await startDevnet(chainId);
  project.provide("rpcUrl", devnet.rpcUrl);
  project.provide("deploymentFile", devnet.deploymentFile);
  return () => devnet.stop();
}
