import type { AuthorizationMethod } from "@ankr-staking/sdk";
import { type Command, Option } from "commander";

import type { Context } from "../context.js";
import { parseAmountArg, parseProvider, requireProvider } from "./shared.js";

export function register(program: Command, ctx: Context): void {
  program
    .command("stake <provider> <amount>")
    .description("Stake ANKR to a provider (permit where the token supports it, else approve)")
    .addOption(
      new Option("--method <method>", "token authorisation")
        .choices(["auto", "permit", "approve"])
        .default("auto"),
    )
    .addHelpText(
      "after",
      "\nExample:\n  $ ankr-staking stake 0x70997970C51812dc3A010C7d01b50e0d17dc79C8 1,000.5 --dry-run",
    )
    .action(async (address: string, amountText: string, options: { method: AuthorizationMethod }) => {
      const providerAddress = parseProvider(address);
      const amount = parseAmountArg(amountText);
      const client = await ctx.client();
      const provider = await requireProvider(client, providerAddress);
      const result = await client.delegate({
        provider: provider.address,
        amount,
        method: options.method,
        ...ctx.writeOptions(),
      });
      ctx.transaction(`staked ${ctx.amount(amount)} to ${provider.address}`, result);
    });
}
