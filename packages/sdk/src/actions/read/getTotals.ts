import { ankrStakingAbi, rewardVaultAbi } from "../../abis/generated.js";
import type { StakingClientBase } from "../../client/createStakingClient.js";
import { withStakingErrors } from "../../transaction/send.js";

export type GetTotalsReturnType = {
  totalStaked: bigint;
  /** 0 = uncapped. */
  globalCap: bigint;
  unusedAllotments: bigint;
  /** Rewards held by the staking contract for coming settlements. */
  rewardReserve: bigint;
  /** What the reward vault still holds. */
  vaultBalance: bigint;
};

/**
 * Pool-wide figures and the reward vault's balance.
 *
 * @example
 * const { totalStaked, vaultBalance } = await client.getTotals()
 */
export function getTotals(client: StakingClientBase): Promise<GetTotalsReturnType> {
  return withStakingErrors(client, async () => {
    const { publicClient, deployment } = client;
    const [[totalStaked, globalCap, unusedAllotments, rewardReserve], vaultBalance] = await Promise.all([
      publicClient.readContract({ address: deployment.staking, abi: ankrStakingAbi, functionName: "totals" }),
      publicClient.readContract({
        address: deployment.rewardVault,
        abi: rewardVaultAbi,
        functionName: "balance",
      }),
    ]);
    return { totalStaked, globalCap, unusedAllotments, rewardReserve, vaultBalance };
  });
}
