// Runs the CLI in-process against the test devnet and captures what it prints.
import { type Actor, keys } from "../../sdk/test/fixtures.js";
import { run } from "../src/main.js";

export * from "../../sdk/test/fixtures.js";

import { deploymentFile, rpcUrl } from "../../sdk/test/fixtures.js";

export type CliResult = {
  code: number;
  stdout: string;
  stderr: string;
  json<T = Record<string, unknown>>(): T;
};

/** The --json document every write prints: what was sent, its receipt, and the decoded events. */
export type WriteDocument = {
  status: "success" | "simulated";
  function: string;
  hash: string;
  blockNumber: string;
  gas: string;
  events: { event: string; args: Record<string, unknown> }[];
};

/** Checks a successful write's --json document: the function, a hash, gas, and `events` emitted. */
export function expectWrite(
  result: CliResult,
  functionName: string,
  events: readonly string[],
): WriteDocument {
  if (result.code !== 0) throw new Error(`exit ${result.code}: ${result.stderr}`);
  const doc = result.json<WriteDocument>();
  if (doc.status !== "success" || doc.function !== functionName) {
    throw new Error(`expected a mined ${functionName}, got ${doc.status} ${doc.function}`);
  }
  if (!/^0x[0-9a-f]{64}$/.test(doc.hash) || !/^\d+$/.test(doc.blockNumber) || !(BigInt(doc.gas) > 0n)) {
    throw new Error(`bad hash, block or gas in ${JSON.stringify(doc)}`);
  }
  const emitted = doc.events.map((e) => e.event);
  const missing = events.filter((name) => !emitted.includes(name));
  if (missing.length)
    throw new Error(`${functionName}: missing events ${missing.join(", ")} in ${emitted.join(", ")}`);
  return doc;
}

export async function cli(
  args: readonly string[],
  { actor, env = {} }: { actor?: Actor; env?: Record<string, string> } = {},
): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await run(args, {
    stdout: {
      write: (chunk: string | Uint8Array) => {
        stdout += String(chunk);
        return true;
      },
    },
    stderr: {
      write: (chunk: string | Uint8Array) => {
        stderr += String(chunk);
        return true;
      },
    },
    env: {
      ANKR_RPC_URL: rpcUrl,
      ANKR_DEPLOYMENT: deploymentFile,
      ...(actor ? { ANKR_PRIVATE_KEY: keys[actor] } : {}),
      ...env,
    },
    isTTY: false,
    cwd: process.cwd(),
  });
  return { code, stdout, stderr, json: <T>() => JSON.parse(stdout) as T };
}
