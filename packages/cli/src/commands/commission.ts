import { formatBps } from "@ankr-staking/sdk";
import type { Command } from "commander";

import type { Context } from "../context.js";
import { isoTime, parseCommission } from "./shared.js";

export function register(program: Command, ctx: Context): void {
  program
    .command("commission <percent>")
    .description("Set your commission: a decrease applies at once, an increase after the notice period")
    .addHelpText("after", "\nExample:\n  $ ankr-staking commission 12.5")
    .action(async (percent: string) => {
      const commissionBps = parseCommission(percent);
      const client = await ctx.client();
      const result = await client.setCommission({ commissionBps, ...ctx.writeOptions() });
      const scheduled = result.events.find((e) => e.eventName === "CommissionIncreaseScheduled");
      const effectiveAt =
        scheduled?.eventName === "CommissionIncreaseScheduled" ? scheduled.args.effectiveAt : undefined;
      const summary =
        effectiveAt === undefined
          ? `commission set to ${formatBps(commissionBps)}`
          : `commission increase to ${formatBps(commissionBps)} takes effect at the first settlement after ${isoTime(effectiveAt)}`;
      ctx.transaction(summary, result, { commissionBps, effectiveAt: effectiveAt ?? null });
    });
}
