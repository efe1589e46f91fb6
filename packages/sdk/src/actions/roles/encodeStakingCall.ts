import { type Address, type ContractFunctionArgs, encodeFunctionData, type Hex } from "viem";

import { ankrStakingAbi } from "../../abis/generated.js";
import type { StakingClientBase } from "../../client/createStakingClient.js";
import type { StakingFunctionName } from "../../transaction/staking.js";

export type StakingCall = { target: Address; value: bigint; calldata: Hex };

/**
 * A staking call as a governance proposal action (target, value, calldata): in production the
 * role-gated functions are executed by the timelock, so this is what a proposal carries.
 *
 * @example
 * const action = encodeStakingCall(client, "admitProvider", [provider])
 */
export function encodeStakingCall<functionName extends StakingFunctionName>(
  client: StakingClientBase,
  functionName: functionName,
  args: ContractFunctionArgs<typeof ankrStakingAbi, "nonpayable", functionName>,
): StakingCall {
  const calldata = encodeFunctionData({ abi: ankrStakingAbi, functionName, args } as Parameters<
    typeof encodeFunctionData
  >[0]);
  return { target: client.deployment.staking, value: 0n, calldata };
}
