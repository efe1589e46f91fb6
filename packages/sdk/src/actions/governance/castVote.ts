import type { StakingClientBase } from "../../client/createStakingClient.js";
import type { TransactionResult, WriteOptions } from "../../transaction/types.js";
import { sendGovernor, type VoteSupport, voteSupport } from "./governor.js";

export type CastVoteParameters = WriteOptions & {
  proposalId: bigint;
  support: VoteSupport;
  reason?: string | undefined;
};

/**
 * Votes a provider's pool (its stake at the proposal's snapshot, minus what its delegators
 * override) on an Active proposal. Delegators vote with `castVoteOverride`.
 *
 * @example
 * await client.castVote({ proposalId, support: "for", reason: "They run 18 chains well" })
 */
export function castVote(
  client: StakingClientBase,
  { proposalId, support, reason, ...options }: CastVoteParameters,
): Promise<TransactionResult> {
  return reason
    ? sendGovernor(client, "castVoteWithReason", [proposalId, voteSupport[support], reason], options)
    : sendGovernor(client, "castVote", [proposalId, voteSupport[support]], options);
}
