// An open governance proposal in the seed, made as stakers make one: an independent provider
// registers (Pending), a genesis provider proposes its admission through the Governor (`propose`
// with the staking contract's `admitProvider` calldata), the chain moves past the proposal's
// snapshot, two providers vote for it and a delegator overrides its provider's vote against it. The
// proposal is left Active for the voting period (GOVERNANCE in config.ts).
import {
  type Deployment,
  encodeMetadataURI,
  type Proposal,
  type ProposalStateName,
  parseAmount,
} from "@ankr-staking/sdk";
import type { Address } from "viem";

import { accounts, type DevAccount } from "./accounts.ts";
import type { Endpoints } from "./endpoints.ts";
import { APPLICANT, clientFor, PROVIDERS, providerMetadata, transfer } from "./seed.ts";

export interface SeededProposal {
  id: bigint;
  description: string;
  state: ProposalStateName;
  /** Unix seconds when voting ends. */
  deadline: bigint;
}

export function admissionDescription(name: string, address: Address): string {
  return `Admit ${name} (${address}) as a node provider\n\n${name} registered with a self-stake of ${APPLICANT.selfStake} tANKR and asks to serve RPC traffic. Proposed by Acme RPC.`;
}

export async function seedProposal(
  rpcUrl: string,
  deployment: Deployment,
  endpoints: Endpoints,
  log: (line: string) => void,
): Promise<SeededProposal> {
  const applicant = accounts.applicant;
  const admin = clientFor(rpcUrl, deployment, accounts.admin);
  await transfer(admin, applicant.address, parseAmount("1,000,000"));
  await clientFor(rpcUrl, deployment, applicant).registerProvider({
    selfStake: parseAmount(APPLICANT.selfStake),
    commissionBps: APPLICANT.commissionBps,
    metadataURI: encodeMetadataURI(providerMetadata(APPLICANT, endpoints)),
  });
  log(`  ${APPLICANT.name} registered (Pending)`);

  const [acme, borealis] = accounts.providers as [DevAccount, DevAccount];
  const proposer = clientFor(rpcUrl, deployment, acme);
  const actions = await proposer.buildProposal({ kind: "admitProviders", providers: [applicant.address] });
  const description = admissionDescription(APPLICANT.name, applicant.address);
  const { proposalId } = await proposer.propose({ actions, description });

  // Voting opens after the snapshot (the voting delay, rounded up to the snapshot grid).
  const { snapshot } = await proposer.getProposal({ proposalId });
  const { timestamp } = await proposer.publicClient.getBlock();
  if (timestamp <= snapshot) {
    await proposer.publicClient.request({
      method: "evm_setNextBlockTimestamp",
      params: [`0x${(snapshot + 1n).toString(16)}`],
    } as never);
    await proposer.publicClient.request({ method: "evm_mine", params: [] } as never);
  }

  await proposer.castVote({ proposalId, support: "for" });
  await clientFor(rpcUrl, deployment, borealis).castVote({ proposalId, support: "for" });
  // A delegator of Acme disagrees: its share of Acme's vote counts against instead.
  const dissenter = accounts.delegators[5] as DevAccount;
  await clientFor(rpcUrl, deployment, dissenter).castVoteOverride({
    proposalId,
    support: "against",
    providers: [acme.address],
  });
  const proposal: Proposal = await proposer.getProposal({ proposalId });
  log(
    `  proposal to admit ${APPLICANT.name}: proposed by ${PROVIDERS[0]?.name}, ${PROVIDERS[1]?.name} voted for, ` +
      `${dissenter.label} overrode against; ${proposal.state} until ` +
      new Date(Number(proposal.deadline) * 1000).toISOString(),
  );
  return { id: proposalId, description, state: proposal.state, deadline: proposal.deadline };
}
