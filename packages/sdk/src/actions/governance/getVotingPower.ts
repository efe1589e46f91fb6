import type { Address } from "viem";

import { ankrStakingAbi } from "../../abis/generated.js";
import type { StakingClientBase } from "../../client/createStakingClient.js";
import { withStakingErrors } from "../../transaction/send.js";

/**
 * An account's live voting power: a provider's whole pool (self-stake included); 0 for a
 * delegator, which votes its stake by overriding its providers.
 *
 * @example
 * const votes = await client.getVotingPower({ account: provider })
 */
export function getVotingPower(
  client: StakingClientBase,
  { account }: { account: Address },
): Promise<bigint> {
  return withStakingErrors(client, () =>
    client.publicClient.readContract({
      address: client.deployment.staking,
      abi: ankrStakingAbi,
      functionName: "getVotes",
      args: [account],
    }),
  );
}
