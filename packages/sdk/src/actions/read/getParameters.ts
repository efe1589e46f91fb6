import { ankrStakingAbi } from "../../abis/generated.js";
import type { StakingClientBase } from "../../client/createStakingClient.js";
import { withStakingErrors } from "../../transaction/send.js";
import type { Parameters } from "../../types.js";

export type GetParametersReturnType = Parameters;

/**
 * The governance parameters.
 *
 * @example
 * const { minDelegation, unbondingPeriod } = await client.getParameters()
 */
export function getParameters(client: StakingClientBase): Promise<GetParametersReturnType> {
  return withStakingErrors(client, () =>
    client.publicClient.readContract({
      address: client.deployment.staking,
      abi: ankrStakingAbi,
      functionName: "parameters",
    }),
  );
}
