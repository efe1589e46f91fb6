import type { Command } from "commander";

import type { Context } from "../context.js";
import { UsageError } from "../errors.js";
import { parseProvider, requireProvider } from "./shared.js";

export function register(program: Command, ctx: Context): void {
  program
    .command("claim [providers...]")
    .description("Claim rewards at the given providers (default: every position with rewards)")
    .addHelpText(
      "after",
      "\nExample:\n  $ ankr-staking claim            # everything\n  $ ankr-staking claim 0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
    )
    .action(async (addresses: string[]) => {
      const given = addresses.map(parseProvider);
      const client = await ctx.client();
      const providers = given.length
        ? (await Promise.all(given.map((a) => requireProvider(client, a)))).map((p) => p.address)
        : (await client.getPositions({ delegator: await ctx.sender() })).positions
            .filter((p) => p.rewards > 0n)
            .map((p) => p.provider);
      if (providers.length === 0) throw new UsageError("there are no rewards to claim");
      const result =
        providers.length === 1 && providers[0]
          ? await client.claim({ provider: providers[0], ...ctx.writeOptions() })
          : await client.claimAll({ providers, ...ctx.writeOptions() });
      const paid = result.events.reduce(
        (sum, e) => (e.eventName === "RewardsClaimed" ? sum + e.args.amount : sum),
        0n,
      );
      ctx.transaction(`claimed ${ctx.amount(paid)}`, result, { claimed: paid });
    });
}
