import { type Address, keccak256, toHex } from "viem";

import { ankrStakingAbi } from "../../abis/generated.js";
import type { StakingClientBase } from "../../client/createStakingClient.js";
import type { STAKING_ROLES } from "../../errors/contract.js";
import { withStakingErrors } from "../../transaction/send.js";

/** One of the staking contract's roles ({@link STAKING_ROLES}). */
export type StakingRole = (typeof STAKING_ROLES)[number];

export type HasRoleParameters = { role: StakingRole; account: Address };

/**
 * Whether `account` holds `role` on the staking contract: for a tool choosing between a
 * role-gated path and a permissionless one (the CLI's `settle`, for instance).
 *
 * @example
 * const settler = await client.hasRole({ role: "SETTLER_ROLE", account })
 */
export function hasRole(client: StakingClientBase, { role, account }: HasRoleParameters): Promise<boolean> {
  return withStakingErrors(client, () =>
    client.publicClient.readContract({
      address: client.deployment.staking,
      abi: ankrStakingAbi,
      functionName: "hasRole",
      args: [keccak256(toHex(role)), account],
    }),
  );
}
