// An open governance proposal in the seed, made as stakers make one: an independent provider
// registers (Pending), a genesis provider proposes its admission through the Governor (`propose`
// with the staking contract's `admitProvider` calldata), the chain moves past the proposal's
// snapshot, two providers vote for it and a delegator overrides its provider's vote against it. The
// proposal is left Active for the voting period (GOVERNANCE in config.ts).
import {
  ankrStakingAbi,
  type Deployment,
  encodeMetadataURI,
  parseAmount,
  type StakingClient,
} from "@ankr-staking/sdk";
import { type Address, encodeFunctionData, type Hash, keccak256, toHex } from "viem";

// The SDK's index does not export the Governor's ABI yet (it is generated beside the others).
import { ankrGovernorAbi } from "../../sdk/src/abis/generated.ts";
import { accounts, type DevAccount } from "./accounts.ts";
import type { Endpoints } from "./endpoints.ts";
import { APPLICANT, clientFor, PROVIDERS, providerMetadata, transfer } from "./seed.ts";

export const ProposalState = [
  "Pending",
  "Active",
  "Canceled",
  "Defeated",
  "Succeeded",
  "Queued",
  "Expired",
  "Executed",
] as const;

export interface SeededProposal {
  id: bigint;
  description: string;
  state: (typeof ProposalState)[number] | "Unknown";
  /** Unix seconds when voting ends. */
  deadline: bigint;
}

const VOTE = { against: 0, for: 1, abstain: 2 } as const;

export function admissionDescription(name: string, address: Address): string {
  return `Admit ${name} (${address}) as a node provider\n\n${name} registered with a self-stake of ${APPLICANT.selfStake} tANKR and asks to serve RPC traffic. Proposed by Acme RPC.`;
}

export async function seedProposal(
  rpcUrl: string,
  deployment: Deployment,
  endpoints: Endpoints,
  log: (line: string) => void,
): Promise<SeededProposal> {
  const governor = deployment.governor;
  if (!governor) throw new Error("the deployment has no governor");
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
  const targets = [deployment.staking];
  const values = [0n];
  const calldatas = [
    encodeFunctionData({ abi: ankrStakingAbi, functionName: "admitProvider", args: [applicant.address] }),
  ];
  const description = admissionDescription(APPLICANT.name, applicant.address);
  const proposer = clientFor(rpcUrl, deployment, acme);
  await send(proposer, governor, "propose", [targets, values, calldatas, description]);
  const id = await proposer.publicClient.readContract({
    address: governor,
    abi: ankrGovernorAbi,
    functionName: "getProposalId",
    args: [targets, values, calldatas, keccak256(toHex(description))],
  });

  // Voting opens after the snapshot (the voting delay, rounded up to the snapshot grid).
  const snapshot = await proposer.publicClient.readContract({
    address: governor,
    abi: ankrGovernorAbi,
    functionName: "proposalSnapshot",
    args: [id],
  });
  const { timestamp } = await proposer.publicClient.getBlock();
  if (timestamp <= snapshot) {
    await proposer.publicClient.request({
      method: "evm_setNextBlockTimestamp",
      params: [`0x${(snapshot + 1n).toString(16)}`],
    } as never);
    await proposer.publicClient.request({ method: "evm_mine", params: [] } as never);
  }

  await send(proposer, governor, "castVote", [id, VOTE.for]);
  await send(clientFor(rpcUrl, deployment, borealis), governor, "castVote", [id, VOTE.for]);
  // A delegator of Acme disagrees: its share of Acme's vote counts against instead.
  const dissenter = accounts.delegators[5] as DevAccount;
  await send(clientFor(rpcUrl, deployment, dissenter), governor, "castVoteOverride", [
    id,
    VOTE.against,
    [acme.address],
  ]);
  const [state, deadline] = await Promise.all([
    proposer.publicClient.readContract({
      address: governor,
      abi: ankrGovernorAbi,
      functionName: "state",
      args: [id],
    }),
    proposer.publicClient.readContract({
      address: governor,
      abi: ankrGovernorAbi,
      functionName: "proposalDeadline",
      args: [id],
    }),
  ]);
  const name = ProposalState[state] ?? "Unknown";
  log(
    `  proposal to admit ${APPLICANT.name}: proposed by ${PROVIDERS[0]?.name}, ${PROVIDERS[1]?.name} voted for, ` +
      `${dissenter.label} overrode against; ${name} until ${new Date(Number(deadline) * 1000).toISOString()}`,
  );
  return { id, description, state: name, deadline };
}

type GovernorWrite = "propose" | "castVote" | "castVoteOverride";

async function send(
  client: StakingClient,
  governor: Address,
  functionName: GovernorWrite,
  args: readonly unknown[],
) {
  const wallet = client.walletClient;
  if (!wallet?.account) throw new Error("the client has no wallet");
  const { request } = await client.publicClient.simulateContract({
    address: governor,
    abi: ankrGovernorAbi,
    functionName,
    args,
    account: wallet.account,
  } as never);
  const hash: Hash = await wallet.writeContract(request as never);
  const receipt = await client.publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw new Error(`${functionName} reverted (${hash})`);
}
