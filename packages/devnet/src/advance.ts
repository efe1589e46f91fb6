#!/usr/bin/env -S npx tsx
// `npm run devnet:advance -- --epochs N | --days N`: moves the running devnet's clock forward
// (evm_increaseTime + evm_mine) so settlements and unbonding can be seen without waiting.
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { createStakingClient } from "@ankr-staking/sdk";
import { readDeploymentFile } from "@ankr-staking/sdk/node";

import { loadConfig } from "./config.ts";
import { DevnetError } from "./errors.ts";
import { readState } from "./state.ts";

export class AdvanceUsageError extends DevnetError {
  override name = "AdvanceUsageError";
}

/** Seconds to move forward, from `--epochs N` or `--days N` (exactly one, N > 0). */
export function advanceSeconds(args: readonly string[], epochLength: number): number {
  const { values } = parseArgs({
    args: [...args],
    options: { epochs: { type: "string" }, days: { type: "string" } },
  });
  const given = [values.epochs, values.days].filter((v) => v !== undefined);
  if (given.length !== 1)
    throw new AdvanceUsageError("usage: npm run devnet:advance -- --epochs N | --days N");
  const n = Number(given[0]);
  if (!Number.isFinite(n) || n <= 0) throw new AdvanceUsageError(`not a positive number: ${given[0]}`);
  return Math.round(values.epochs !== undefined ? n * epochLength : n * 86_400);
}

async function main(): Promise<void> {
  const config = loadConfig();
  const state = readState(config.stateDir);
  if (!state)
    throw new DevnetError(`no running devnet (no ${config.stateDir}/devnet.json): start it with npm start`);
  const client = createStakingClient({
    deployment: readDeploymentFile(state.deploymentFile),
    rpcUrl: state.rpcUrl,
  });
  const before = await client.getEpoch();
  const seconds = advanceSeconds(process.argv.slice(2), Number(before.epochLength));
  await client.publicClient.request({
    method: "evm_increaseTime",
    params: [`0x${seconds.toString(16)}`],
  } as never);
  await client.publicClient.request({ method: "evm_mine", params: [] } as never);
  const after = await client.getEpoch();
  const behind = Number(after.current - after.nextEpochToSettle);
  console.log(
    `moved ${seconds} s ahead: epoch ${before.current} -> ${after.current}; ` +
      `${behind} ended epoch(s) to settle (the committee settles one every few seconds)`,
  );
  const deadline = Date.now() + 60_000;
  let last = after.nextEpochToSettle;
  while (Date.now() < deadline) {
    const now = await client.getEpoch();
    if (now.nextEpochToSettle !== last) {
      last = now.nextEpochToSettle;
      console.log(`  settled up to epoch ${last - 1n}`);
    }
    if (now.nextEpochToSettle >= now.current) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  console.log(`still settling in the background (next: epoch ${last})`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: Error) => {
    console.error(error instanceof DevnetError ? error.message : error.message.split("\n")[0]);
    process.exit(1);
  });
}
