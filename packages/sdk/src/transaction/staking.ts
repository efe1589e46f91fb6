// Sends one AnkrStaking function: the shared body of the write actions.
import type { ContractFunctionArgs, ContractFunctionName } from "viem";

import { ankrStakingAbi } from "../abis/generated.js";
import type { StakingClientBase } from "../client/createStakingClient.js";
import { type SendOptions, sendTransaction } from "./send.js";
import type { TransactionResult } from "./types.js";

export type StakingFunctionName = ContractFunctionName<typeof ankrStakingAbi, "nonpayable">;

export function sendStaking<functionName extends StakingFunctionName>(
  client: StakingClientBase,
  functionName: functionName,
  args: ContractFunctionArgs<typeof ankrStakingAbi, "nonpayable", functionName>,
  options: SendOptions = {},
): Promise<TransactionResult> {
  return sendTransaction(client, {
    ...options,
    address: client.deployment.staking,
    abi: ankrStakingAbi,
    functionName,
    args,
  });
}
