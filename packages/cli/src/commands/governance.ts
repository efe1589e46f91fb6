// Governance: build and submit proposals, list them, vote (a provider) or override (a delegator),
// queue and execute. Every proposal goes through the Governor and its timelock.
import {
  isParameterName,
  type Proposal,
  type ProposalAction,
  type ProposalSpec,
  type ProposalStateName,
  ProviderStatus,
  parseVoteSupport,
  proposalStateNames,
  type StakingClient,
} from "@ankr-staking/sdk";
import type { Command } from "commander";
import type { Address } from "viem";

import type { Context } from "../context.js";
import { UsageError } from "../errors.js";
import { table } from "../io.js";
import { collect, isoTime, parseAddress, parseAmountArg } from "./shared.js";

/** Parameters given in ANKR; the others are counts, seconds or basis points. */
const amountParameters = new Set(["minSelfStake", "minDelegation", "rewardPerEpoch"]);

type ProposeOptions = {
  description?: string;
  admit?: string[];
  remove?: string[];
  jail?: string[];
  slash?: string[];
  set?: string[];
  providerCap?: string[];
  globalCap?: string;
  allotment?: string[];
  fund?: string;
  unpause?: boolean;
  upgrade?: string;
};

function pair(spec: string, flag: string): [string, string] {
  const [left, right, ...rest] = spec.split("=");
  if (!left || right === undefined || right === "" || rest.length > 0) {
    throw new UsageError(`${flag} "${spec}" must be key=value`);
  }
  return [left, right];
}

function parseUint(text: string, what: string): bigint {
  if (!/^\d+$/.test(text)) throw new UsageError(`${what} must be a whole number, not "${text}"`);
  return BigInt(text);
}

/** A proposal id: the Governor's uint256 (decimal or 0x-hex). */
export function parseProposalId(text: string): bigint {
  if (/^\d+$/.test(text) || /^0x[0-9a-fA-F]{1,64}$/.test(text)) return BigInt(text);
  throw new UsageError(`"${text}" is not a proposal id`);
}

const capAmount = (text: string) => (text === "0" ? 0n : parseAmountArg(text));

/** The decisions named by the options, in the order a reader expects them. */
async function specsFrom(
  options: ProposeOptions,
  globalCapNow: () => Promise<bigint>,
): Promise<ProposalSpec[]> {
  const specs: ProposalSpec[] = [];
  if (options.admit?.length) {
    specs.push({ kind: "admitProviders", providers: options.admit.map((a) => parseAddress(a, "--admit")) });
  }
  for (const p of options.remove ?? [])
    specs.push({ kind: "removeProvider", provider: parseAddress(p, "--remove") });
  for (const p of options.jail ?? []) specs.push({ kind: "jail", provider: parseAddress(p, "--jail") });
  for (const s of options.slash ?? []) {
    const [provider, amount] = pair(s, "--slash");
    specs.push({
      kind: "slash",
      provider: parseAddress(provider, "--slash"),
      amount: parseAmountArg(amount),
    });
  }
  for (const s of options.set ?? []) {
    const [name, value] = pair(s, "--set");
    if (!isParameterName(name)) throw new UsageError(`--set: "${name}" is not a parameter`);
    specs.push({
      kind: "setParameter",
      name,
      value: amountParameters.has(name) ? capAmount(value) : parseUint(value, `--set ${name}`),
    });
  }
  for (const s of options.providerCap ?? []) {
    const [provider, amount] = pair(s, "--provider-cap");
    specs.push({
      kind: "setProviderCap",
      provider: parseAddress(provider, "--provider-cap"),
      maxStake: capAmount(amount),
    });
  }
  const allotments = (options.allotment ?? []).map((s) => {
    const [account, amount] = pair(s, "--allotment");
    return { account: parseAddress(account, "--allotment"), amount: capAmount(amount) };
  });
  if (options.fund) specs.push({ kind: "fundVault", amount: parseAmountArg(options.fund) });
  if (options.unpause) specs.push({ kind: "unpause" });
  if (options.upgrade)
    specs.push({ kind: "upgrade", implementation: parseAddress(options.upgrade, "--upgrade") });
  if (options.globalCap !== undefined || allotments.length > 0) {
    // Allotments alone keep the current cap.
    const globalCap = options.globalCap === undefined ? await globalCapNow() : capAmount(options.globalCap);
    specs.push({ kind: "setCapAndAllotments", globalCap, allotments });
  }
  return specs;
}

function describeVotes(p: Proposal, amount: (wei: bigint) => string): string {
  return `for ${amount(p.votes.for)}, against ${amount(p.votes.against)}, abstain ${amount(p.votes.abstain)}`;
}

function proposalLines(p: Proposal, amount: (wei: bigint) => string): string {
  const when =
    p.state === "Pending"
      ? `voting opens ${isoTime(p.snapshot)}`
      : p.state === "Active"
        ? `voting closes ${isoTime(p.deadline)}`
        : p.state === "Queued"
          ? `executable from ${isoTime(p.eta)}`
          : `voting closed ${isoTime(p.deadline)}`;
  return [
    `proposal:    ${p.id}`,
    `state:       ${p.state} (${when})`,
    `proposer:    ${p.proposer}`,
    `description: ${p.description}`,
    `votes:       ${describeVotes(p, amount)}`,
    `quorum:      ${amount(p.quorum)} (for + abstain)`,
    "actions:",
    ...p.actions.map((a) => `  ${a.target} value ${a.value} ${a.calldata}`),
  ].join("\n");
}

async function isProvider(client: StakingClient, account: Address): Promise<boolean> {
  const { status } = await client.getProvider({ provider: account });
  return status !== ProviderStatus.None;
}

export function register(program: Command, ctx: Context): void {
  program
    .command("propose")
    .description("Propose a governance decision (needs the proposal threshold of votes: a provider)")
    .requiredOption("--description <text>", "what the proposal does and why (shown to voters)")
    .option("--admit <provider>", "admit a Pending provider; repeat", collect)
    .option("--remove <provider>", "remove a provider; repeat", collect)
    .option("--jail <provider>", "jail a provider; repeat", collect)
    .option(
      "--slash <provider=amount>",
      "slash a provider's self-stake (at most maxSlashBps); repeat",
      collect,
    )
    .option(
      "--set <name=value>",
      "set a parameter (ANKR for amounts, else seconds/bps/count); repeat",
      collect,
    )
    .option("--provider-cap <provider=amount>", "cap a provider's pool (0 lifts it); repeat", collect)
    .option("--global-cap <amount>", "cap the whole pool (0 lifts it)")
    .option("--allotment <account=amount>", "an account's allotment under the cap; repeat", collect)
    .option("--fund <amount>", "fund the reward vault from the timelock's ANKR")
    .option("--unpause", "lift the guardian's pause")
    .option("--upgrade <implementation>", "schedule an upgrade in the upgrade timelock")
    .addHelpText(
      "after",
      '\nExample:\n  $ ankr-staking propose --admit 0x90F79bf6EB2c4f870365E785982E1f101E93b906 --description "Admit Newcomer RPC" --dry-run',
    )
    .action(async (options: ProposeOptions) => {
      const description = options.description?.trim() ?? "";
      if (description === "") throw new UsageError("give --description: voters read it");
      const client = await ctx.client();
      const specs = await specsFrom(options, async () => (await client.getTotals()).globalCap);
      if (specs.length === 0)
        throw new UsageError("give at least one decision (--admit, --set, --fund, ...)");
      const actions: ProposalAction[] = [];
      for (const spec of specs) actions.push(...(await client.buildProposal(spec)));
      const result = await client.propose({ actions, description, ...ctx.writeOptions() });
      ctx.transaction(`proposed ${result.proposalId}`, result, { proposalId: result.proposalId, actions });
    });

  program
    .command("proposals")
    .description("List governance proposals, newest first")
    .option("--state <state>", `only in this state (${proposalStateNames.join(", ")}); repeat`, collect)
    .addHelpText("after", "\nExample:\n  $ ankr-staking proposals --state Active --json")
    .action(async (options: { state?: string[] }) => {
      const states = (options.state ?? []).map((s) => {
        const name = proposalStateNames.find((n) => n.toLowerCase() === s.toLowerCase());
        if (!name) throw new UsageError(`--state "${s}" is not one of ${proposalStateNames.join(", ")}`);
        return name as ProposalStateName;
      });
      const client = await ctx.client();
      const proposals = await client.getProposals(states.length ? { states } : {});
      ctx.result(proposals, () =>
        proposals.length === 0
          ? "no proposals"
          : table(
              ["id", "state", "description", "for", "against", "abstain", "deadline"],
              proposals.map((p) => [
                `${p.id.toString().slice(0, 10)}…`,
                p.state,
                p.description.length > 40 ? `${p.description.slice(0, 39)}…` : p.description,
                ctx.amount(p.votes.for),
                ctx.amount(p.votes.against),
                ctx.amount(p.votes.abstain),
                isoTime(p.deadline),
              ]),
            ),
      );
    });

  program
    .command("proposal <proposalId>")
    .description("Show a proposal: state, tallies, quorum and actions")
    .addHelpText(
      "after",
      "\nExample:\n  $ ankr-staking proposal 48213785601950286147903262338436702745212716473105632906574916312018264480193",
    )
    .action(async (id: string) => {
      const proposalId = parseProposalId(id);
      const client = await ctx.client();
      const proposal = await client.getProposal({ proposalId });
      ctx.result(proposal, () => proposalLines(proposal, (wei) => ctx.amount(wei)));
    });

  program
    .command("vote <proposalId> <support>")
    .description(
      "Vote for, against or abstain. A provider votes its whole pool; a delegator overrides its providers' vote with its own stake",
    )
    .option("--reason <text>", "a provider's reason, recorded on-chain")
    .option("--provider <address>", "a delegator: override only these providers; repeat", collect)
    .addHelpText(
      "after",
      "\nExample:\n  # a proposal id as `ankr-staking proposals` prints it\n  $ ankr-staking vote 48213785601950286147903262338436702745212716473105632906574916312018264480193 for\n  $ ankr-staking vote 48213785601950286147903262338436702745212716473105632906574916312018264480193 against --provider 0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
    )
    .action(async (id: string, supportText: string, options: { reason?: string; provider?: string[] }) => {
      const proposalId = parseProposalId(id);
      const support = parseVoteSupport(supportText);
      const named = options.provider?.map((p) => parseAddress(p, "--provider"));
      const client = await ctx.client();
      const account = await ctx.sender();
      if (await isProvider(client, account)) {
        if (named) throw new UsageError("a provider votes its whole pool: --provider is for delegators");
        const result = await client.castVote({
          proposalId,
          support,
          reason: options.reason,
          ...ctx.writeOptions(),
        });
        ctx.transaction(`voted ${support} on ${proposalId} with the pool of ${account}`, result, { support });
        return;
      }
      if (options.reason) throw new UsageError("--reason is recorded with a provider's vote only");
      const result = await client.castVoteOverride({
        proposalId,
        support,
        providers: named,
        ...ctx.writeOptions(),
      });
      ctx.transaction(
        `voted ${support} on ${proposalId} with your stake at ${result.providers.join(", ")} (overriding those providers)`,
        result,
        { support, providers: result.providers },
      );
    });

  for (const [name, description] of [
    ["queue", "Queue a Succeeded proposal in the timelock (anyone may)"],
    ["execute", "Execute a Queued proposal once the timelock delay is over (anyone may)"],
  ] as const) {
    program
      .command(`${name} <proposalId>`)
      .description(description)
      .addHelpText(
        "after",
        `\nExample:\n  $ ankr-staking ${name} 48213785601950286147903262338436702745212716473105632906574916312018264480193`,
      )
      .action(async (id: string) => {
        const proposalId = parseProposalId(id);
        const client = await ctx.client();
        const result = await client[name]({ proposalId, ...ctx.writeOptions() });
        ctx.transaction(`${name === "queue" ? "queued" : "executed"} ${proposalId}`, result);
      });
  }
}
