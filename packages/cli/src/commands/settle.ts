import type { Command } from "commander";

import type { Context } from "../context.js";
import { UsageError } from "../errors.js";
import { collect, isoTime, parseAddress } from "./shared.js";

function parseScore(spec: string): [string, number] {
  const [address, score] = spec.split("=");
  const bps = Number(score);
  if (!address || !Number.isInteger(bps) || bps < 0 || bps > 10_000) {
    throw new UsageError(`--score "${spec}" must be address=basisPoints (0..10000)`);
  }
  return [parseAddress(address), bps];
}

export function register(program: Command, ctx: Context): void {
  program
    .command("settle")
    .description("Settle the next ended epoch with a score per scored provider (settler role)")
    .option("--epoch <n>", "epoch to settle (default: the next one)")
    .option("--score <address=bps>", "a provider's score in basis points; repeat", collect)
    .option("--default-score <bps>", "score for every provider not given with --score")
    .addHelpText(
      "after",
      "\nExample:\n  $ ankr-staking settle --default-score 10000 --score 0x7099...79C8=4000",
    )
    .action(async (options: { epoch?: string; score?: string[]; defaultScore?: string }) => {
      const scores = Object.fromEntries((options.score ?? []).map(parseScore));
      const defaultScoreBps = options.defaultScore === undefined ? undefined : Number(options.defaultScore);
      if (
        defaultScoreBps !== undefined &&
        !(Number.isInteger(defaultScoreBps) && defaultScoreBps >= 0 && defaultScoreBps <= 10_000)
      ) {
        throw new UsageError("--default-score must be 0..10000 basis points");
      }
      if (options.epoch !== undefined && !/^\d+$/.test(options.epoch))
        throw new UsageError("--epoch must be a number");
      const client = await ctx.client();
      const epoch =
        options.epoch === undefined ? (await client.getEpoch()).nextEpochToSettle : BigInt(options.epoch);
      const { nextSettleableAt, nextEpochToSettle } = await client.getEpoch();
      if (
        epoch === nextEpochToSettle &&
        (await client.publicClient.getBlock()).timestamp < nextSettleableAt
      ) {
        throw new UsageError(`epoch ${epoch} ends ${isoTime(nextSettleableAt)}; it cannot be settled before`);
      }
      const result = await client.settleEpoch({ epoch, scores, defaultScoreBps, ...ctx.writeOptions() });
      const settled = result.events.find((e) => e.eventName === "EpochSettled");
      const budget = settled?.eventName === "EpochSettled" ? settled.args.budget : 0n;
      ctx.transaction(`settled epoch ${epoch}, budget ${ctx.amount(budget)}`, result, { epoch, budget });
    });
}
