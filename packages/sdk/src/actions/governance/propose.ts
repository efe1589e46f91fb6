import type { StakingClientBase } from "../../client/createStakingClient.js";
import { BaseError } from "../../errors/base.js";
import type { TransactionResult, WriteOptions } from "../../transaction/types.js";
import type { ProposalAction } from "./getProposal.js";
import { sendGovernor } from "./governor.js";

export type ProposeParameters = WriteOptions & {
  actions: readonly ProposalAction[];
  /** Shown to voters; its hash is part of the proposal's id (so the same actions can be proposed again). */
  description: string;
};

export type ProposeReturnType = TransactionResult & {
  /** The new proposal's id (also when simulated: the Governor returns it). */
  proposalId: bigint;
};

export class EmptyProposalError extends BaseError {
  override name = "EmptyProposalError";
  constructor(reason: string) {
    super(`a proposal needs ${reason}`);
  }
}

/**
 * Proposes `actions` (needs `proposalThreshold` votes: a provider's pool). Voting opens at the
 * proposal's snapshot, after the voting delay.
 *
 * @example
 * const actions = await client.buildProposal({ kind: "admitProviders", providers: [newcomer] })
 * const { proposalId } = await client.propose({ actions, description: "Admit Newcomer RPC" })
 */
export async function propose(
  client: StakingClientBase,
  { actions, description, ...options }: ProposeParameters,
): Promise<ProposeReturnType> {
  if (actions.length === 0) throw new EmptyProposalError("at least one action");
  if (description.trim() === "") throw new EmptyProposalError("a description");
  const result = await sendGovernor(
    client,
    "propose",
    [actions.map((a) => a.target), actions.map((a) => a.value), actions.map((a) => a.calldata), description],
    options,
  );
  const created = result.events.find((e) => e.eventName === "ProposalCreated");
  const proposalId =
    created && "proposalId" in created.args ? (created.args.proposalId as bigint) : (result.result as bigint);
  return { ...result, proposalId };
}
