import { formatBps, type ProviderSort } from "@ankr-staking/sdk";
import { type Command, Option } from "commander";

import type { Context } from "../context.js";
import { table } from "../io.js";
import { describeCommission, providerName } from "./shared.js";

export function register(program: Command, ctx: Context): void {
  program
    .command("providers")
    .description("List node providers, largest stake first")
    .addOption(
      new Option("--sort <key>", "sort by")
        .choices(["stake", "selfStake", "commission", "address"])
        .default("stake"),
    )
    .option("--all", "include exited providers")
    .addHelpText("after", "\nExample:\n  $ ankr-staking providers --sort commission --json")
    .action(async (options: { sort: ProviderSort; all?: boolean }) => {
      const client = await ctx.client();
      const providers = await client.getProviders({ sortBy: options.sort, includeExited: options.all });
      ctx.result(providers, () =>
        providers.length === 0
          ? "no providers"
          : table(
              ["address", "name", "status", "stake", "self-stake", "commission", "last score"],
              providers.map((p) => [
                p.address,
                providerName(p),
                p.statusName,
                ctx.amount(p.totalStake),
                ctx.amount(p.selfStake),
                describeCommission(p),
                formatBps(p.lastScoreBps),
              ]),
            ),
      );
    });
}
