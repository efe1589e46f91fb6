import type { Command } from "commander";

import type { Context } from "../context.js";
import { isoTime, parseAmountArg, parseProvider, requireProvider } from "./shared.js";

export function register(program: Command, ctx: Context): void {
  program
    .command("unstake <provider> <amount>")
    .description("Start unbonding stake from a provider (withdraw after the unbonding period)")
    .addHelpText(
      "after",
      "\nExample:\n  $ ankr-staking unstake 0x70997970C51812dc3A010C7d01b50e0d17dc79C8 500",
    )
    .action(async (address: string, amountText: string) => {
      const providerAddress = parseProvider(address);
      const amount = parseAmountArg(amountText);
      const client = await ctx.client();
      const provider = await requireProvider(client, providerAddress);
      const result = await client.undelegate({ provider: provider.address, amount, ...ctx.writeOptions() });
      const event = result.events.find((e) => e.eventName === "Undelegated");
      const releaseAt = event?.eventName === "Undelegated" ? event.args.releaseAt : undefined;
      const when = releaseAt === undefined ? "" : `; withdrawable from ${isoTime(releaseAt)}`;
      ctx.transaction(`unstaked ${ctx.amount(amount)} from ${provider.address}${when}`, result, {
        releaseAt,
      });
    });
}
