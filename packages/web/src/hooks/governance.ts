// Governance reads, through the SDK from the chain (the indexer's /v1/proposals can replace them
// once the app talks to the API). Only the governance route imports this module, so neither the
// Governor's ABI nor these actions load with the first page. Keys start with "chain" so a write
// refreshes them; ids are keyed as strings (query keys are hashed as JSON, which has no bigint).
import {
  ankrGovernorAbi,
  getOverridableStake,
  getProposal,
  getProposals,
  getVotingPower,
} from "@ankr-staking/sdk";
import { useQuery } from "@tanstack/react-query";
import type { Address } from "viem";

import { useApp } from "./app.ts";

const POLL_MS = 4000;

export function useProposals() {
  const { source } = useApp();
  return useQuery({
    queryKey: ["chain", "proposals"],
    queryFn: () => getProposals(source.client),
    refetchInterval: POLL_MS,
  });
}

export function useProposal(proposalId: bigint) {
  const { source } = useApp();
  return useQuery({
    queryKey: ["chain", "proposal", proposalId.toString()],
    queryFn: () => getProposal(source.client, { proposalId }),
    refetchInterval: POLL_MS,
  });
}

export type Voter = {
  /** The account's pool at the snapshot (a provider's votes; 0 for anyone else). */
  pool: bigint;
  /** What its delegators have taken out of that pool by overriding. */
  overridden: bigint;
  /** Whether it has cast its pool's vote. */
  voted: boolean;
  /** Where it can still override: providers it had stake at on the snapshot, not yet overridden. */
  overridable: { provider: Address; stake: bigint }[];
  /** Its overrides so far on this proposal (OverrideVoteCast events). */
  overrides: { support: number; weight: bigint; providers: readonly Address[] }[];
};

/** What `account` can do on a proposal whose snapshot has passed (voting power is read there). */
export function useVoter(proposalId: bigint, snapshot: bigint, account: Address | undefined, open: boolean) {
  const { source } = useApp();
  const client = source.client;
  return useQuery({
    queryKey: ["chain", "voter", proposalId.toString(), account],
    enabled: !!account && open,
    queryFn: async (): Promise<Voter> => {
      const voter = account as Address;
      const governor = client.deployment.governor as Address;
      const read = client.publicClient.readContract;
      const [pool, overridden, voted, overridable, overrideLogs] = await Promise.all([
        read({ address: governor, abi: ankrGovernorAbi, functionName: "getVotes", args: [voter, snapshot] }),
        read({
          address: governor,
          abi: ankrGovernorAbi,
          functionName: "overriddenStake",
          args: [proposalId, voter],
        }),
        read({
          address: governor,
          abi: ankrGovernorAbi,
          functionName: "hasVoted",
          args: [proposalId, voter],
        }),
        getOverridableStake(client, { proposalId, account: voter }),
        client.publicClient.getContractEvents({
          address: governor,
          abi: ankrGovernorAbi,
          eventName: "OverrideVoteCast",
          args: { delegator: voter, proposalId },
          fromBlock: client.deployment.startBlock,
          toBlock: "latest",
        }),
      ]);
      const overrides = overrideLogs.map(({ args }) => ({
        support: args.support ?? 0,
        weight: args.weight ?? 0n,
        providers: args.providers ?? [],
      }));
      return { pool, overridden, voted, overridable, overrides };
    },
  });
}

/** The Governor's proposal threshold and the account's live votes: may it propose? */
export function useProposer(account: Address | undefined) {
  const { source } = useApp();
  const client = source.client;
  return useQuery({
    queryKey: ["chain", "proposer", account],
    enabled: !!account,
    queryFn: async () => {
      const governor = client.deployment.governor as Address;
      const [threshold, votes] = await Promise.all([
        client.publicClient.readContract({
          address: governor,
          abi: ankrGovernorAbi,
          functionName: "proposalThreshold",
        }),
        getVotingPower(client, { account: account as Address }),
      ]);
      return { threshold, votes, canPropose: votes >= threshold };
    },
  });
}
