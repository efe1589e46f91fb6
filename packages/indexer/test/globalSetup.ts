// The SDK's seeded devnet (anvil + the real deploy script), on a chain id of its own.
import type { TestProject } from "vitest/node";

import { startDevnet } from "../../sdk/test/devnet.ts";
import "./provided.ts";

export default async function setup(project: TestProject) {
  const devnet = await startDevnet(31_347);
  project.provide("rpcUrl", devnet.rpcUrl);
  project.provide("deploymentFile", devnet.deploymentFile);
  return () => devnet.stop();
}
