import type { Command } from "commander";

import type { Context } from "../context.js";
import { table } from "../io.js";
import { parseAddress } from "./shared.js";

export function register(program: Command, ctx: Context): void {
  program
    .command("history [address]")
    .description("Every staking event naming the account, oldest first (default: your account)")
    .option("--from-block <n>", "first block")
    .addHelpText(
      "after",
      "\nExample:\n  $ ankr-staking history 0x90F79bf6EB2c4f870365E785982E1f101E93b906 --json",
    )
    .action(async (addressText: string | undefined, options: { fromBlock?: string }) => {
      const given = addressText ? parseAddress(addressText) : undefined;
      const client = await ctx.client();
      const account = given ?? (await ctx.sender());
      const fromBlock = options.fromBlock === undefined ? undefined : BigInt(options.fromBlock);
      const events = await client.getHistory({ account, fromBlock });
      const rows = events.map((e) => ({
        block: e.blockNumber,
        tx: e.transactionHash,
        event: e.eventName,
        args: e.args,
      }));
      ctx.result({ account, events: rows }, () =>
        rows.length === 0
          ? "no events"
          : table(
              ["block", "event", "details"],
              rows.map((r) => [
                String(r.block),
                r.event,
                Object.entries(r.args)
                  .map(([k, v]) => `${k}=${String(v)}`)
                  .join(" "),
              ]),
            ),
      );
    });
}
