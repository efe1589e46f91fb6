import { rewardVaultAbi } from "../../abis/generated.js";
import type { StakingClientBase } from "../../client/createStakingClient.js";
import { sendWithPull } from "../../token/approval.js";
import { sendTransaction } from "../../transaction/send.js";
import type { TransactionResult, WriteOptions } from "../../transaction/types.js";

export type FundVaultParameters = WriteOptions & { amount: bigint };

/**
 * Adds `amount` to the reward vault (the budget future settlements draw from).
 *
 * @example
 * await client.fundVault({ amount: parseAmount("1,000,000") })
 */
export function fundVault(
  client: StakingClientBase,
  { amount, ...options }: FundVaultParameters,
): Promise<TransactionResult> {
  const vault = client.deployment.rewardVault;
  return sendWithPull(
    client,
    { ...options, spender: vault, amount, permitEntryPoint: false, functionName: "fund" },
    (_, overrides) =>
      sendTransaction(client, {
        ...options,
        ...overrides,
        address: vault,
        abi: rewardVaultAbi,
        functionName: "fund",
        args: [amount],
      }),
  );
}
