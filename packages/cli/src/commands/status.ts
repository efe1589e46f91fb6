import { formatBps } from "@ankr-staking/sdk";
import type { Command } from "commander";

import type { Context } from "../context.js";
import { details } from "../io.js";
import { describeCommission, isoTime, parseAddress, providerName, requireProvider } from "./shared.js";

export function register(program: Command, ctx: Context): void {
  program
    .command("status [address]")
    .description("A provider's status, stake, commission, score streak and accrued commission (default: you)")
    .addHelpText("after", "\nExample:\n  $ ankr-staking status --json")
    .action(async (addressText: string | undefined) => {
      const given = addressText ? parseAddress(addressText) : undefined;
      const client = await ctx.client();
      const provider = await requireProvider(client, given ?? (await ctx.sender()));
      const [epoch, pending] = await Promise.all([
        client.getEpoch(),
        client.getPendingRewards({ provider: provider.address, delegator: provider.address }),
      ]);
      ctx.result({ ...provider, claimable: pending, epoch }, () =>
        details([
          ["provider", `${provider.address} ${providerName(provider)}`.trim()],
          ["status", provider.statusName],
          ["self-stake", ctx.amount(provider.selfStake)],
          ["delegated", ctx.amount(provider.delegatedStake)],
          ["commission", describeCommission(provider)],
          ["claimable (incl. commission)", ctx.amount(pending)],
          ["last score", `${formatBps(provider.lastScoreBps)} (low-score streak ${provider.lowScoreStreak})`],
          [
            "self-stake unbonding",
            provider.selfStakeUnbonding
              ? `${ctx.amount(provider.selfStakeUnbonding)} until ${isoTime(provider.selfStakeReleaseAt)}`
              : "none",
          ],
          ["epoch", `${epoch.current}, next to settle ${epoch.nextEpochToSettle}`],
        ]),
      );
    });
}
