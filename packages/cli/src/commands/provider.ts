import { decodeMetadataURI, formatBps } from "@ankr-staking/sdk";
import type { Command } from "commander";
import { zeroAddress } from "viem";

import type { Context } from "../context.js";
import { details } from "../io.js";
import { describeCommission, isoTime, parseProvider, requireProvider } from "./shared.js";

export function register(program: Command, ctx: Context): void {
  program
    .command("provider <address>")
    .description("Show one provider: stake, commission, capacity left, yield, metadata")
    .option("--epochs <n>", "settled epochs for the yield", "4")
    .addHelpText("after", "\nExample:\n  $ ankr-staking provider 0x70997970C51812dc3A010C7d01b50e0d17dc79C8")
    .action(async (address: string, options: { epochs: string }) => {
      const providerAddress = parseProvider(address);
      const client = await ctx.client();
      const provider = await requireProvider(client, providerAddress);
      const account = client.account?.address ?? zeroAddress;
      const [capacity, yieldInfo] = await Promise.all([
        client.getCapacityLeft({ provider: provider.address, account }),
        client.getProviderYield({ provider: provider.address, epochs: Number(options.epochs) || 4 }),
      ]);
      const metadata = decodeMetadataURI(provider.metadataURI);
      ctx.result({ ...provider, metadata, capacity, yield: yieldInfo }, () =>
        details([
          ["address", provider.address],
          ["name", metadata?.name ?? "-"],
          ["status", provider.statusName],
          ["stake", ctx.amount(provider.totalStake)],
          ["self-stake", ctx.amount(provider.selfStake)],
          ["delegated", ctx.amount(provider.delegatedStake)],
          ["commission", describeCommission(provider)],
          ["capacity left", capacity.unlimited ? "unlimited" : ctx.amount(capacity.capacityLeft)],
          [
            "APY (net)",
            yieldInfo.epochs
              ? `${(yieldInfo.apy * 100).toFixed(2)}% over ${yieldInfo.epochs} epoch(s)`
              : "no settled epoch",
          ],
          ["last score", formatBps(provider.lastScoreBps)],
          ["reward stream", `${ctx.amount(provider.rewardRate)}/s until ${isoTime(provider.rewardFinish)}`],
          ["metadata", metadata ? JSON.stringify(metadata) : provider.metadataURI],
        ]),
      );
    });
}
