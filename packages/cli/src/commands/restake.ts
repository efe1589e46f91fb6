import type { Command } from "commander";

import type { Context } from "../context.js";
import { parseProvider, requireProvider } from "./shared.js";

export function register(program: Command, ctx: Context): void {
  program
    .command("restake <provider>")
    .description("Add your rewards at a provider to your stake there")
    .addHelpText("after", "\nExample:\n  $ ankr-staking restake 0x70997970C51812dc3A010C7d01b50e0d17dc79C8")
    .action(async (address: string) => {
      const providerAddress = parseProvider(address);
      const client = await ctx.client();
      const provider = await requireProvider(client, providerAddress);
      const result = await client.restake({ provider: provider.address, ...ctx.writeOptions() });
      const event = result.events.find((e) => e.eventName === "RewardsRestaked");
      const amount = event?.eventName === "RewardsRestaked" ? event.args.amount : 0n;
      ctx.transaction(`restaked ${ctx.amount(amount)} at ${provider.address}`, result, { restaked: amount });
    });
}
