// An anvil chain as a devnet child process (the platform binary, so its pid is anvil's own).
import { join } from "node:path";
import { createPublicClient, http } from "viem";

import { foundryBin } from "../../../contracts/bench/foundry.ts";
import { ACCOUNT_COUNT, MNEMONIC } from "./accounts.ts";
import { ServiceStartError } from "./errors.ts";
import type { Processes } from "./processes.ts";

export interface AnvilOptions {
  name: string;
  port: number;
  chainId: number;
  /** Seconds between blocks mined on a timer (transactions are still mined at once); none: only on transactions. */
  blockTime?: number;
  logDir: string;
}

export interface AnvilChain {
  name: string;
  url: string;
  pid: number;
}

export async function startAnvil(processes: Processes, options: AnvilOptions): Promise<AnvilChain> {
  const logFile = join(options.logDir, `${options.name}.log`);
  const child = processes.spawn(
    options.name,
    foundryBin("anvil"),
    [
      ["--host", "127.0.0.1"],
      ["--port", String(options.port)],
      ["--chain-id", String(options.chainId)],
      ["--mnemonic", MNEMONIC],
      ["--accounts", String(ACCOUNT_COUNT)],
      options.blockTime ? ["--block-time", String(options.blockTime), "--mixed-mining"] : [],
    ].flat(),
    { logFile },
  );
  const url = `http://127.0.0.1:${options.port}`;
  const client = createPublicClient({ transport: http(url, { retryCount: 0 }) });
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.process.exitCode !== null) break;
    const chainId = await client.getChainId().catch(() => undefined);
    if (chainId === options.chainId) return { name: options.name, url, pid: child.pid };
    if (chainId !== undefined)
      throw new ServiceStartError(options.name, `port ${options.port} answers as chain ${chainId}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new ServiceStartError(options.name, `no answer on ${url}`, logFile);
}
