import { type Address, type Hash, type Hex, keccak256, toHex } from "viem";

import { ankrGovernorAbi } from "../../abis/generated.js";
import type { StakingClientBase } from "../../client/createStakingClient.js";
import {
  NonexistentProposalError,
  type ProposalStateName,
  proposalStateNames,
} from "../../errors/contract.js";
import { withStakingErrors } from "../../transaction/send.js";
import { governorAddress } from "./governor.js";

/** One call a proposal makes when executed (through the timelock). */
export type ProposalAction = { target: Address; value: bigint; calldata: Hex };

export type Proposal = {
  id: bigint;
  proposer: Address;
  description: string;
  /** keccak256 of the description: what queue and execute take. */
  descriptionHash: Hash;
  actions: ProposalAction[];
  state: ProposalStateName;
  /** Voting power is read at this time (unix seconds); voting starts after it. */
  snapshot: bigint;
  /** Voting ends at this time (unix seconds). */
  deadline: bigint;
  /** When a queued proposal can execute (unix seconds); 0 before it is queued. */
  eta: bigint;
  votes: { for: bigint; against: bigint; abstain: bigint };
  /** For + abstain needed: a fraction of total stake at the snapshot (of live stake before it). */
  quorum: bigint;
  createdAtBlock: bigint;
  createdInTransaction: Hash;
};

type CreatedLog = {
  args: {
    proposalId?: bigint;
    proposer?: Address;
    targets?: readonly Address[];
    values?: readonly bigint[];
    calldatas?: readonly Hex[];
    description?: string;
  };
  blockNumber: bigint;
  transactionHash: Hash;
};

/** ProposalCreated logs since the deployment, optionally for one id (the id is not indexed). */
export async function getProposalCreatedLogs(client: StakingClientBase): Promise<CreatedLog[]> {
  return (await client.publicClient.getContractEvents({
    address: governorAddress(client),
    abi: ankrGovernorAbi,
    eventName: "ProposalCreated",
    fromBlock: client.deployment.startBlock,
    toBlock: "latest",
  })) as CreatedLog[];
}

/** Reads a proposal's live state, votes and quorum on top of its ProposalCreated log. */
export async function readProposal(client: StakingClientBase, log: CreatedLog): Promise<Proposal> {
  const { publicClient } = client;
  const address = governorAddress(client);
  const { args } = log;
  const id = args.proposalId ?? 0n;
  const read = <
    fn extends "state" | "proposalSnapshot" | "proposalDeadline" | "proposalEta" | "proposalVotes",
  >(
    functionName: fn,
  ) => publicClient.readContract({ address, abi: ankrGovernorAbi, functionName, args: [id] } as never);
  const [state, snapshot, deadline, eta, votes, clock] = (await Promise.all([
    read("state"),
    read("proposalSnapshot"),
    read("proposalDeadline"),
    read("proposalEta"),
    read("proposalVotes"),
    publicClient.readContract({ address, abi: ankrGovernorAbi, functionName: "clock" }),
  ])) as [number, bigint, bigint, bigint, readonly [bigint, bigint, bigint], number];
  // Before its snapshot has passed, the quorum is the same fraction of today's stake.
  const quorum = await publicClient.readContract({
    address,
    abi: ankrGovernorAbi,
    functionName: "quorum",
    args: [snapshot < BigInt(clock) ? snapshot : BigInt(clock)],
  });
  const targets = args.targets ?? [];
  const description = args.description ?? "";
  return {
    id,
    proposer: args.proposer as Address,
    description,
    descriptionHash: keccak256(toHex(description)),
    actions: targets.map((target, i) => ({
      target,
      value: args.values?.[i] ?? 0n,
      calldata: args.calldatas?.[i] ?? "0x",
    })),
    state: proposalStateNames[state] ?? "Pending",
    snapshot,
    deadline,
    eta,
    votes: { against: votes[0], for: votes[1], abstain: votes[2] },
    quorum,
    createdAtBlock: log.blockNumber,
    createdInTransaction: log.transactionHash,
  };
}

/**
 * A proposal: what it does, its state, tallies (overrides applied) and quorum.
 *
 * @example
 * const proposal = await client.getProposal({ proposalId })
 * console.log(proposal.state, proposal.votes.for)
 */
export function getProposal(
  client: StakingClientBase,
  { proposalId }: { proposalId: bigint },
): Promise<Proposal> {
  return withStakingErrors(client, async () => {
    const log = (await getProposalCreatedLogs(client)).find((l) => l.args.proposalId === proposalId);
    if (!log) throw new NonexistentProposalError("GovernorNonexistentProposal", [proposalId]);
    return readProposal(client, log);
  });
}
