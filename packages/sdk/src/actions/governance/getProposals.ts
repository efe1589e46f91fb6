import type { StakingClientBase } from "../../client/createStakingClient.js";
import type { ProposalStateName } from "../../errors/contract.js";
import { withStakingErrors } from "../../transaction/send.js";
import { getProposalCreatedLogs, type Proposal, readProposal } from "./getProposal.js";

export type GetProposalsParameters = {
  /** Only proposals in these states. */
  states?: readonly ProposalStateName[] | undefined;
};

/**
 * Every proposal since the deployment, newest first. For long histories on a real network, use
 * the indexer's API (/v1/proposals) instead.
 *
 * @example
 * const open = await client.getProposals({ states: ["Pending", "Active"] })
 */
export function getProposals(
  client: StakingClientBase,
  { states }: GetProposalsParameters = {},
): Promise<Proposal[]> {
  return withStakingErrors(client, async () => {
    const logs = await getProposalCreatedLogs(client);
    const proposals = await Promise.all(logs.map((log) => readProposal(client, log)));
    return proposals
      .filter((p) => !states || states.includes(p.state))
      .sort((a, b) => Number(b.createdAtBlock - a.createdAtBlock));
  });
}
