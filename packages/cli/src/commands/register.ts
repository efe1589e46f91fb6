import type { Command } from "commander";

import type { Context } from "../context.js";
import { collect, type MetadataOptions, metadataURIFrom, parseAmountArg, parseCommission } from "./shared.js";

export function register(program: Command, ctx: Context): void {
  program
    .command("register")
    .description("Register your account as a node provider (Pending until governance admits it)")
    .requiredOption("--self-stake <amount>", "first-loss bond, at least the minimum self-stake")
    .requiredOption("--commission <percent>", "your cut of rewards, e.g. 10 or 12.5%")
    .option("--name <name>", "display name (builds a data: metadata URI)")
    .option("--website <url>", "website")
    .option(
      "--endpoint <chain=url>",
      "a public RPC endpoint by chain id (ethereum, bsc, solana, ...); repeat",
      collect,
    )
    .option("--metadata-uri <uri>", "an existing https://, ipfs:// or data: metadata URI instead")
    .addHelpText(
      "after",
      "\nExample:\n  $ ankr-staking register --self-stake 100,000 --commission 10 --name 'Acme RPC' \\\n      --endpoint ethereum=https://eth.acme.example --endpoint bsc=https://bsc.acme.example",
    )
    .action(async (options: MetadataOptions & { selfStake: string; commission: string }) => {
      const selfStake = parseAmountArg(options.selfStake);
      const commissionBps = parseCommission(options.commission);
      const metadataURI = metadataURIFrom(options);
      const client = await ctx.client();
      const result = await client.registerProvider({
        selfStake,
        commissionBps,
        metadataURI,
        ...ctx.writeOptions(),
      });
      ctx.transaction(
        `registered with ${ctx.amount(selfStake)} self-stake; pending admission by governance`,
        result,
      );
    });
}
