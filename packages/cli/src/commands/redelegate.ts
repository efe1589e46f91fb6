import type { Command } from "commander";

import type { Context } from "../context.js";
import { parseAmountArg, parseProvider, requireProvider } from "./shared.js";

export function register(program: Command, ctx: Context): void {
  program
    .command("redelegate <from> <to> <amount>")
    .description("Move stake between providers at once, without unbonding")
    .addHelpText(
      "after",
      "\nExample:\n  $ ankr-staking redelegate 0x70997970C51812dc3A010C7d01b50e0d17dc79C8 0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC 2,000",
    )
    .action(async (fromText: string, toText: string, amountText: string) => {
      const [fromAddress, toAddress] = [parseProvider(fromText), parseProvider(toText)];
      const amount = parseAmountArg(amountText);
      const client = await ctx.client();
      const [from, to] = await Promise.all([
        requireProvider(client, fromAddress),
        requireProvider(client, toAddress),
      ]);
      const result = await client.redelegate({
        fromProvider: from.address,
        toProvider: to.address,
        amount,
        ...ctx.writeOptions(),
      });
      ctx.transaction(`moved ${ctx.amount(amount)} from ${from.address} to ${to.address}`, result);
    });
}
