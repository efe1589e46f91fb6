// Governance commands. The Governor and Timelock are built on another branch and are not in this
// deployment's ABIs yet: `propose` already builds the proposal's actions from the staking ABI
// (printable with --dry-run), and every command says plainly that sending needs the governor.
import { BaseError, encodeStakingCall, type StakingCall } from "@ankr-staking/sdk";
import type { Command } from "commander";

import type { Context } from "../context.js";
import { UsageError } from "../errors.js";
import { parseAddress, parseAmountArg } from "./shared.js";

export class GovernanceUnavailableError extends BaseError {
  override name = "GovernanceUnavailableError";
  constructor(command: string) {
    super(
      `${command}: this deployment has no governor yet (the Governor/Timelock contracts are not deployed here); ` +
        "use `propose --dry-run` to print the proposal's actions",
    );
  }
}

type ProposeOptions = {
  admit?: string;
  remove?: string;
  jail?: string;
  providerCap?: string;
  globalCap?: string;
};

export function register(program: Command, ctx: Context): void {
  program
    .command("propose")
    .description("Build a governance proposal's actions (admit/remove/jail a provider, caps)")
    .option("--admit <provider>", "admit a Pending provider")
    .option("--remove <provider>", "remove a provider")
    .option("--jail <provider>", "jail a provider")
    .option("--provider-cap <provider=amount>", "cap a provider's stake")
    .option("--global-cap <amount>", "cap the whole pool (0 = uncapped)")
    .addHelpText("after", "\nExample:\n  $ ankr-staking propose --admit 0x3C44...93BC --dry-run --json")
    .action(async (options: ProposeOptions) => {
      const client = await ctx.client();
      const actions: StakingCall[] = [];
      if (options.admit)
        actions.push(encodeStakingCall(client, "admitProvider", [parseAddress(options.admit)]));
      if (options.remove)
        actions.push(encodeStakingCall(client, "removeProvider", [parseAddress(options.remove)]));
      if (options.jail) actions.push(encodeStakingCall(client, "jail", [parseAddress(options.jail)]));
      if (options.providerCap) {
        const [provider = "", amount = ""] = options.providerCap.split("=");
        actions.push(
          encodeStakingCall(client, "setProviderCap", [parseAddress(provider), parseAmountArg(amount)]),
        );
      }
      if (options.globalCap !== undefined) {
        const cap = options.globalCap === "0" ? 0n : parseAmountArg(options.globalCap);
        actions.push(encodeStakingCall(client, "setGlobalCap", [cap]));
      }
      if (actions.length === 0)
        throw new UsageError("give at least one action (--admit, --remove, --jail, ...)");
      if (!ctx.options().dryRun || client.deployment.governor) {
        throw new GovernanceUnavailableError("propose");
      }
      ctx.result({ status: "simulated", actions }, () =>
        [
          "proposal actions (target, value, calldata):",
          ...actions.map((a) => `${a.target} ${a.value} ${a.calldata}`),
        ].join("\n"),
      );
    });

  for (const [name, description] of [
    ["vote", "Vote on a proposal (for, against, abstain), or override your providers' vote"],
    ["queue", "Queue a succeeded proposal in the timelock"],
    ["execute", "Execute a queued proposal after the timelock delay"],
  ] as const) {
    program
      .command(`${name} <proposalId>`)
      .description(`${description} (needs the governor)`)
      .option("--support <choice>", "for | against | abstain (vote only)")
      .addHelpText(
        "after",
        `\nExample:\n  $ ankr-staking ${name} 42${name === "vote" ? " --support for" : ""}`,
      )
      .action(async (proposalId: string) => {
        if (!/^\d+$/.test(proposalId)) throw new UsageError(`"${proposalId}" is not a proposal id`);
        await ctx.client();
        throw new GovernanceUnavailableError(name);
      });
  }
}
