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
