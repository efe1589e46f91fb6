import type { Address } from "viem";

import { testAnkrAbi } from "../../abis/generated.js";
import type { StakingClientBase } from "../../client/createStakingClient.js";
import { supportsPermit } from "../../token/permit.js";
import { withStakingErrors } from "../../transaction/send.js";

export type GetAccountParameters = { account: Address };
export type GetAccountReturnType = {
  /** Token balance. */
  balance: bigint;
  /** What the staking contract may pull without a new approval. */
  allowance: bigint;
  /** Native balance for gas. */
  ethBalance: bigint;
  /** Whether the token takes EIP-2612 permits (no approval transaction needed to stake). */
  permit: boolean;
};

/**
 * An account's token balance, allowance for the staking contract and gas balance.
 *
 * @example
 * const { balance, permit } = await client.getAccount({ account })
 */
export function getAccount(
  client: StakingClientBase,
  { account }: GetAccountParameters,
): Promise<GetAccountReturnType> {
  return withStakingErrors(client, async () => {
    const { publicClient, deployment } = client;
    const token = { address: deployment.token, abi: testAnkrAbi } as const;
    const [balance, allowance, ethBalance, permit] = await Promise.all([
      publicClient.readContract({ ...token, functionName: "balanceOf", args: [account] }),
      publicClient.readContract({ ...token, functionName: "allowance", args: [account, deployment.staking] }),
      publicClient.getBalance({ address: account }),
      supportsPermit(client),
    ]);
    return { balance, allowance, ethBalance, permit };
  });
}
