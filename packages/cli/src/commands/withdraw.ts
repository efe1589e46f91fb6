import type { Command } from "commander";

import type { Context } from "../context.js";

export function register(program: Command, ctx: Context): void {
  program
    .command("withdraw")
    .description("Withdraw every unbonded amount that has been released (--self-stake: a provider's bond)")
    .option("--self-stake", "withdraw a provider's released self-stake instead")
    .addHelpText("after", "\nExample:\n  $ ankr-staking withdraw --json")
    .action(async (options: { selfStake?: boolean }) => {
      const client = await ctx.client();
      const result = options.selfStake
        ? await client.withdrawSelfStake(ctx.writeOptions())
        : await client.withdraw(ctx.writeOptions());
      const paid = result.events.reduce(
        (sum, e) =>
          e.eventName === "Withdrawn" || e.eventName === "SelfStakeWithdrawn" ? sum + e.args.amount : sum,
        0n,
      );
      ctx.transaction(`withdrew ${ctx.amount(paid)}`, result, { withdrawn: paid });
    });
}
