import type { Command } from "commander";

import type { Context } from "../context.js";
import { table } from "../io.js";
import { isoTime, parseAddress } from "./shared.js";

export function register(program: Command, ctx: Context): void {
  program
    .command("positions [address]")
    .description("Stake and claimable rewards per provider, and the unbonding queue (default: your account)")
    .addHelpText(
      "after",
      "\nExample:\n  $ ankr-staking positions 0x90F79bf6EB2c4f870365E785982E1f101E93b906 --json",
    )
    .action(async (addressText: string | undefined) => {
      const delegator = addressText ? parseAddress(addressText) : undefined;
      const client = await ctx.client();
      const account = delegator ?? (await ctx.sender());
      const positions = await client.getPositions({ delegator: account });
      ctx.result({ account, ...positions }, () => {
        const lines = [
          positions.positions.length
            ? table(
                ["provider", "stake", "rewards"],
                positions.positions.map((p) => [p.provider, ctx.amount(p.stake), ctx.amount(p.rewards)]),
              )
            : "no positions",
          `total stake ${ctx.amount(positions.totalStake)}, rewards ${ctx.amount(positions.totalRewards)}`,
        ];
        const { unbonding } = positions;
        if (unbonding.entries.length) {
          lines.push(
            "",
            table(
              ["unbonding", "release", "state"],
              unbonding.entries.map((e) => [
                ctx.amount(e.amount),
                isoTime(e.releaseAt),
                e.matured ? "released" : "waiting",
              ]),
            ),
            `withdrawable now ${ctx.amount(unbonding.withdrawable)}`,
          );
        }
        return lines.join("\n");
      });
    });
}
