import { ankrGovernorAbi, ankrStakingAbi } from "../../abis/generated.js";
import type { StakingClientBase } from "../../client/createStakingClient.js";
import { BaseError } from "../../errors/base.js";
import type { TransactionResult, WriteOptions } from "../../transaction/types.js";
import type { ProposalAction } from "./getProposal.js";
import { governorAddress, sendGovernor } from "./governor.js";

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
 * Gas a proposal needs beyond its estimate if it lands in a later snapshot-grid cell than the
 * block the estimate ran on. A proposal whose snapshot is already registered (another proposal in
 * the same cell) does not register it, so its estimate leaves out registration, which prepares a
 * history entry for every changeable pool (about 27k each); if the transaction is mined a cell
 * later, it registers a new snapshot after all. The registration is estimated directly, as the
 * Governor would call it.
 */
async function snapshotRegistrationGas(client: StakingClientBase): Promise<bigint> {
  const governor = governorAddress(client);
  const { publicClient, deployment } = client;
  const read = <T>(functionName: "votingDelay" | "snapshotGrid") =>
    publicClient.readContract({ address: governor, abi: ankrGovernorAbi, functionName }) as Promise<T>;
  const [block, delay, grid] = await Promise.all([
    publicClient.getBlock({ blockTag: "latest" }),
    read<bigint>("votingDelay"),
    read<bigint>("snapshotGrid"),
  ]);
  const snapshot = block.timestamp + delay;
  const index = await publicClient.readContract({
    address: deployment.staking,
    abi: ankrStakingAbi,
    functionName: "snapshotIndex",
    args: [snapshot],
  });
  if (index === 0n) return 0n;
  try {
    return await publicClient.estimateContractGas({
      address: deployment.staking,
      abi: ankrStakingAbi,
      functionName: "registerSnapshot",
      args: [snapshot + grid],
      account: governor,
    });
  } catch {
    // The next cell cannot take a snapshot now (too many pending): the proposal would revert there
    // anyway, with its own error.
    return 0n;
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
    // A dry run sends nothing, so no limit needs the allowance.
    { ...options, extraGas: options.dryRun ? 0n : await snapshotRegistrationGas(client) },
  );
  const created = result.events.find((e) => e.eventName === "ProposalCreated");
  const proposalId =
    created && "proposalId" in created.args ? (created.args.proposalId as bigint) : (result.result as bigint);
  return { ...result, proposalId };
}
