import type { Address } from "viem";

import type { StakingClientBase } from "../../client/createStakingClient.js";
import { type AuthorizationMethod, sendWithPull } from "../../token/approval.js";
import { sendStaking } from "../../transaction/staking.js";
import type { TransactionResult, WriteOptions } from "../../transaction/types.js";

export type DelegateParameters = WriteOptions & {
  provider: Address;
  /** Wei. */
  amount: bigint;
  /**
   * `auto` (default) signs an EIP-2612 permit where the token supports it, else approves (also when
   * the node's block time runs too far ahead of the local clock: see MAX_CHAIN_TIME_AHEAD).
   */
  method?: AuthorizationMethod | undefined;
};

/**
 * Stakes `amount` to an Active provider (or tops up the caller's own bond), approving or
 * permitting the token first when the allowance is short.
 *
 * @example
 * const { events } = await client.delegate({ provider, amount: parseAmount("1,000") })
 */
export function delegate(
  client: StakingClientBase,
  parameters: DelegateParameters,
): Promise<TransactionResult> {
  const { provider, amount, method, ...options } = parameters;
  return sendWithPull(
    client,
    {
      ...options,
      spender: client.deployment.staking,
      amount,
      method,
      permitEntryPoint: true,
      functionName: "delegate",
    },
    (permit, overrides) =>
      permit
        ? sendStaking(
            client,
            "delegateWithPermit",
            [provider, amount, permit.deadline, permit.v, permit.r, permit.s],
            { ...options, ...overrides },
          )
        : sendStaking(client, "delegate", [provider, amount], { ...options, ...overrides }),
  );
}
