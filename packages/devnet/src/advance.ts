#!/usr/bin/env -S npx tsx
// `npm run devnet:advance -- --epochs N | --days N`: moves the running devnet's clock forward
// (evm_increaseTime + evm_mine) so settlements and unbonding can be seen without waiting.
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { createStakingClient, type StakingClient } from "@ankr-staking/sdk";
import { readDeploymentFile } from "@ankr-staking/sdk/node";

import { loadConfig } from "./config.ts";
import { DevnetError } from "./errors.ts";
import { settleEpochs } from "./history.ts";
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
  const epochLength = Number(before.epochLength);
  const seconds = advanceSeconds(process.argv.slice(2), epochLength);
  const members = state.oracles.map((url, i) => ({ name: `oracle-${i + 1}`, url }));
  const log = (line: string) => console.log(line);
  const { timestamp } = await client.publicClient.getBlock();
  const target = timestamp + BigInt(seconds);
  const boundaries = Number((target - before.genesis) / before.epochLength - before.current);
  if (boundaries <= MAX_STEPS) {
    // Epoch by epoch: the members measure each epoch before it ends, so it settles with the scores
    // measured in it (an epoch skipped by a jump gets each member's latest scores carried forward).
    await settleEpochs(client, members, boundaries, log);
    const { timestamp: now } = await client.publicClient.getBlock();
    if (target > now) await increaseTime(client, target - now);
  } else {
    log(
      `${boundaries} epochs in one jump: nobody measured them, so the members report each with their ` +
        "latest measured scores and the committee settles them one by one after the jump",
    );
    await increaseTime(client, BigInt(seconds));
  }
  const after = await client.getEpoch();
  log(
    `moved ${seconds} s ahead: epoch ${before.current} -> ${after.current}, ` +
      `next to settle: ${after.nextEpochToSettle}`,
  );
}

/** Epoch boundaries crossed one at a time (a few seconds each); more is one jump. */
const MAX_STEPS = 24;

async function increaseTime(client: StakingClient, seconds: bigint): Promise<void> {
  await client.publicClient.request({
    method: "evm_increaseTime",
    params: [`0x${seconds.toString(16)}`],
  } as never);
  await client.publicClient.request({ method: "evm_mine", params: [] } as never);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: Error) => {
    console.error(error instanceof DevnetError ? error.message : error.message.split("\n")[0]);
    process.exit(1);
  });
}
