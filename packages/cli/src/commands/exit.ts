import type { Command } from "commander";

import type { Context } from "../context.js";

export function register(program: Command, ctx: Context): void {
  program
    .command("exit")
    .description("Stop being a provider; your self-stake unbonds over the provider unbonding period")
    .addHelpText("after", "\nExample:\n  $ ankr-staking exit --dry-run")
    .action(async () => {
      const client = await ctx.client();
      const result = await client.exitProvider(ctx.writeOptions());
      ctx.transaction("exited; self-stake is unbonding (withdraw --self-stake once released)", result);
    });
}
