import type { Command } from "commander";

import type { Context } from "../context.js";
import { collect, type MetadataOptions, metadataURIFrom } from "./shared.js";

export function register(program: Command, ctx: Context): void {
  program
    .command("metadata")
    .description("Replace your provider metadata (name, website, endpoints)")
    .option("--name <name>", "display name")
    .option("--website <url>", "website")
    .option(
      "--endpoint <chain=url>",
      "a public RPC endpoint by chain id (ethereum, bsc, solana, ...); repeat",
      collect,
    )
    .option("--metadata-uri <uri>", "an https://, ipfs:// or data: metadata URI instead")
    .addHelpText(
      "after",
      "\nExample:\n  $ ankr-staking metadata --name 'Acme RPC' --endpoint ethereum=https://eth.acme.example",
    )
    .action(async (options: MetadataOptions) => {
      const metadataURI = metadataURIFrom(options);
      const client = await ctx.client();
      const result = await client.setMetadataURI({ metadataURI, ...ctx.writeOptions() });
      ctx.transaction("metadata updated", result, { metadataURI });
    });
}
