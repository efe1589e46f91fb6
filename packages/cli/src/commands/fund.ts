import type { Command } from "commander";

import type { Context } from "../context.js";
import { parseAmountArg } from "./shared.js";

export function register(program: Command, ctx: Context): void {
  program
    .command("fund <amount>")
    .description("Add ANKR to the reward vault (approves the vault first when needed)")
    .addHelpText("after", "\nExample:\n  $ ankr-staking fund 1,000,000")
    .action(async (amountText: string) => {
      const amount = parseAmountArg(amountText);
      const client = await ctx.client();
      const result = await client.fundVault({ amount, ...ctx.writeOptions() });
      ctx.transaction(`funded the reward vault with ${ctx.amount(amount)}`, result);
    });
}
