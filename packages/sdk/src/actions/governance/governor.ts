// The Governor's address and a send helper: the shared body of the governance actions.
import type { Address, ContractFunctionArgs, ContractFunctionName } from "viem";

import { ankrGovernorAbi } from "../../abis/generated.js";
import type { StakingClientBase } from "../../client/createStakingClient.js";
import { BaseError } from "../../errors/base.js";
import { type SendOptions, sendTransaction } from "../../transaction/send.js";
import type { TransactionResult, WriteOptions } from "../../transaction/types.js";

export class GovernanceNotDeployedError extends BaseError {
  override name = "GovernanceNotDeployedError";
  constructor(chainId: number) {
    super(`the deployment for chain ${chainId} has no governor`);
  }
}

/** The deployment's Governor, or a typed error when it has none. */
export function governorAddress(client: StakingClientBase): Address {
  const { governor, chainId } = client.deployment;
  if (!governor) throw new GovernanceNotDeployedError(chainId);
  return governor;
}

export type GovernorFunctionName = ContractFunctionName<typeof ankrGovernorAbi, "nonpayable" | "payable">;

export function sendGovernor<functionName extends GovernorFunctionName>(
  client: StakingClientBase,
  functionName: functionName,
  args: ContractFunctionArgs<typeof ankrGovernorAbi, "nonpayable" | "payable", functionName>,
  options: WriteOptions & Pick<SendOptions, "extraGas"> = {},
): Promise<TransactionResult> {
  return sendTransaction(client, {
    ...options,
    address: governorAddress(client),
    abi: ankrGovernorAbi,
    functionName,
    args,
  } as Parameters<typeof sendTransaction>[1]);
}

/** How a vote is cast, as the Governor numbers it (GovernorCountingSimple's order). */
export const voteSupport = { against: 0, for: 1, abstain: 2 } as const;
export type VoteSupport = keyof typeof voteSupport;

export class InvalidVoteSupportError extends BaseError {
  override name = "InvalidVoteSupportError";
  constructor(value: string) {
    super(`"${value}" is not a vote: use for, against or abstain`);
  }
}

/** Parses "for" / "against" / "abstain" (any case). */
export function parseVoteSupport(value: string): VoteSupport {
  const key = value.trim().toLowerCase();
  if (key in voteSupport) return key as VoteSupport;
  throw new InvalidVoteSupportError(value);
}
