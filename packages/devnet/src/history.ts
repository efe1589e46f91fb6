// A few settled epochs before the devnet is handed over: in each, wait until every member has
// measured the current epoch, move the chain to the epoch's end, and let the committee settle it.
import type { StakingClient } from "@ankr-staking/sdk";

import { type OracleMember, readScores } from "./oracle.ts";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` every 250 ms (a throw counts as not yet) until it holds; throws after `timeoutMs`. */
export async function until(what: string, timeoutMs: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await sleep(250);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Time travel to the start of the next epoch: evm_setNextBlockTimestamp + evm_mine. */
export async function jumpToNextEpoch(client: StakingClient): Promise<void> {
  const { currentEndsAt } = await client.getEpoch();
  await client.publicClient.request({
    method: "evm_setNextBlockTimestamp",
    params: [`0x${currentEndsAt.toString(16)}`],
  } as never);
  await client.publicClient.request({ method: "evm_mine", params: [] } as never);
}

export async function settleEpochs(
  client: StakingClient,
  members: readonly Pick<OracleMember, "name" | "url">[],
  epochs: number,
  log: (line: string) => void,
): Promise<void> {
  for (let i = 0; i < epochs; i++) {
    const epoch = Number((await client.getEpoch()).current);
    await until(`the members to measure epoch ${epoch}`, 60_000, async () => {
      const documents = await Promise.all(members.map(readScores));
      return documents.every((d) => d.epoch === epoch && d.providers.some((p) => p.score > 0));
    });
    await jumpToNextEpoch(client);
    await until(`the committee to settle epoch ${epoch}`, 60_000, async () => {
      return Number((await client.getEpoch()).nextEpochToSettle) > epoch;
    });
    log(`  epoch ${epoch} settled by the committee`);
  }
}
