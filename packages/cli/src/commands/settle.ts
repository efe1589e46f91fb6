import type { StakingClient } from "@ankr-staking/sdk";
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

type ScoreOptions = { epoch?: string; score?: string[]; defaultScore?: string };

/** The scores and epoch of a settle or report command, checked before anything is sent. */
async function scoreInput(ctx: Context, options: ScoreOptions) {
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
  const { nextSettleableAt, nextEpochToSettle } = await client.getEpoch();
  const epoch = options.epoch === undefined ? nextEpochToSettle : BigInt(options.epoch);
  if (epoch === nextEpochToSettle && (await client.publicClient.getBlock()).timestamp < nextSettleableAt) {
    throw new UsageError(`epoch ${epoch} ends ${isoTime(nextSettleableAt)}; it cannot be settled before`);
  }
  return { client, epoch, scores, defaultScoreBps };
}

function settledBudget(result: Awaited<ReturnType<StakingClient["settleEpoch"]>>): bigint {
  const settled = result.events.find((e) => e.eventName === "EpochSettled");
  return settled?.eventName === "EpochSettled" ? settled.args.budget : 0n;
}

const scoreFlags = (command: Command) =>
  command
    .option("--epoch <n>", "epoch (default: the next one to settle)")
    .option("--score <address=bps>", "a provider's score in basis points; repeat", collect)
    .option("--default-score <bps>", "score for every provider not given with --score");

export function register(program: Command, ctx: Context): void {
  scoreFlags(
    program
      .command("settle")
      .description(
        "Settle the next ended epoch: with scores when you hold SETTLER_ROLE, otherwise through the oracle committee from its members' reports (anyone may)",
      ),
  )
    .addHelpText(
      "after",
      [
        "",
        "With SETTLER_ROLE the scores are yours (--score, --default-score). When the deployment has an",
        "oracle committee and you lack the role, the committee settles the epoch from the reports its",
        "members sent (the median of each provider's scores) once they reach its quorum; no scores are",
        "given then.",
        "",
        "Example:",
        "  $ ankr-staking settle --default-score 10000 --score 0x70997970C51812dc3A010C7d01b50e0d17dc79C8=4000",
        "  $ ankr-staking settle            # through the committee",
      ].join("\n"),
    )
    .action(async (options: ScoreOptions) => {
      const { client, epoch, scores, defaultScoreBps } = await scoreInput(ctx, options);
      const committee = client.deployment.oracleCommittee;
      const sender = await ctx.sender();
      // Without a committee the settler path is the only one, so the role is not worth a read.
      const settler = committee ? await client.hasRole({ role: "SETTLER_ROLE", account: sender }) : false;
      if (!settler && committee) {
        if (options.score || options.defaultScore !== undefined) {
          throw new UsageError(
            `you lack SETTLER_ROLE: only the oracle committee ${committee} settles here, from its members' reports; drop --score/--default-score (members send theirs with \`report\`)`,
          );
        }
        const result = await client.settleFromReports({ epoch, ...ctx.writeOptions() });
        const budget = settledBudget(result);
        ctx.transaction(
          `settled epoch ${epoch} through the oracle committee from its members' reports, budget ${ctx.amount(budget)}`,
          result,
          { epoch, budget, via: "committee" },
        );
        return;
      }
      // Without the role and without a committee the contract refuses: its decoded error names
      // the missing role.
      const result = await client.settleEpoch({ epoch, scores, defaultScoreBps, ...ctx.writeOptions() });
      const budget = settledBudget(result);
      ctx.transaction(`settled epoch ${epoch}, budget ${ctx.amount(budget)}`, result, {
        epoch,
        budget,
        via: "settler",
      });
    });

  scoreFlags(
    program
      .command("report")
      .description(
        "Send an oracle committee member's scores for an ended epoch; the report completing the quorum settles it",
      ),
  )
    .addHelpText(
      "after",
      "\nExample:\n  $ ankr-staking report --default-score 9800 --score 0x70997970C51812dc3A010C7d01b50e0d17dc79C8=4000",
    )
    .action(async (options: ScoreOptions) => {
      const { client, epoch, scores, defaultScoreBps } = await scoreInput(ctx, options);
      const result = await client.submitReport({ epoch, scores, defaultScoreBps, ...ctx.writeOptions() });
      const budget = settledBudget(result);
      const { reports } = result.settled
        ? { reports: undefined }
        : await client.getReportStatus({
            epoch,
            member: await ctx.sender(),
            providers: result.round.providers,
          });
      ctx.transaction(
        result.settled
          ? `reported epoch ${epoch}; the quorum is reached and the epoch settled, budget ${ctx.amount(budget)}`
          : `reported epoch ${epoch}; ${reports} matching report(s) in, the quorum is not reached yet`,
        result,
        { epoch, settled: result.settled, reports, budget },
      );
    });
}
