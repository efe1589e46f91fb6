// The token step before a contract pulls tokens: nothing, an EIP-2612 permit, or an approval.
import type { Address } from "viem";

import { testAnkrAbi } from "../abis/generated.js";
import type { StakingClientBase } from "../client/createStakingClient.js";
import { MissingAccountError } from "../errors/rpc.js";
import { type SendOptions, sendTransaction } from "../transaction/send.js";
import type { TransactionResult, WriteOptions } from "../transaction/types.js";
import { allowanceOverride } from "./allowanceSlot.js";
import { type PermitSignature, signPermit, supportsPermit } from "./permit.js";

/** How to authorise the pull: `auto` uses a permit where the token supports one. */
export type AuthorizationMethod = "auto" | "permit" | "approve";

export type PreparePullParameters = WriteOptions & {
  spender: Address;
  amount: bigint;
  /** Whether the spender has a permit entry point for this call (only `delegateWithPermit`). */
  permitEntryPoint: boolean;
  method?: AuthorizationMethod | undefined;
  /** Seconds a permit stays valid (default 1 hour). */
  permitLifetime?: bigint | undefined;
};

/** Current allowance of the client's account for `spender`. */
export async function getAllowance(client: StakingClientBase, spender: Address): Promise<bigint> {
  if (!client.account) throw new MissingAccountError();
  return client.publicClient.readContract({
    address: client.deployment.token,
    abi: testAnkrAbi,
    functionName: "allowance",
    args: [client.account.address, spender],
  });
}

/**
 * Sends the main call: with the permit when one was signed, and with `overrides` merged into its
 * options (a dry run under a state override, when checking it before an approval).
 */
export type SendMain = (
  permit: PermitSignature | undefined,
  overrides: SendOptions,
) => Promise<TransactionResult>;

/**
 * Makes sure `spender` may pull `amount`, then sends the main call. Nothing when the allowance
 * suffices; a permit when the call has a permit form and the token supports it; otherwise an
 * approval for exactly `amount` (never an unlimited one).
 *
 * Before that approval is sent, the main call is simulated as if it had been given (a state
 * override of the token's allowance slot), so a call that would revert throws its decoded error
 * and nothing at all is sent; a dry run reports the main call's outcome, with the gas of both.
 * Only for a token whose allowance slot cannot be found (see allowanceSlot.ts) is the approval sent
 * unchecked, and a dry run then says the main call could not be simulated (`callSimulated: false`).
 */
export async function sendWithPull(
  client: StakingClientBase,
  pull: PreparePullParameters & { functionName: string },
  send: SendMain,
): Promise<TransactionResult> {
  const { account } = client;
  if (!account) throw new MissingAccountError();
  const { spender, amount, permitEntryPoint, method = "auto", permitLifetime = 3600n, dryRun } = pull;
  if ((await getAllowance(client, spender)) >= amount) return send(undefined, {});
  const usePermit =
    permitEntryPoint && method !== "approve" && (method === "permit" || (await supportsPermit(client)));
  if (usePermit) {
    // From the later of chain time and the local clock: the block that includes it may come later.
    const block = await client.publicClient.getBlock();
    const wallClock = BigInt(Math.floor(Date.now() / 1000));
    const deadline = (block.timestamp > wallClock ? block.timestamp : wallClock) + permitLifetime;
    const permit = await signPermit(client, { spender, value: amount, deadline });
    return { ...(await send(permit, {})), tokenStep: { kind: "permit", deadline } };
  }

  const approve = {
    confirmations: pull.confirmations,
    onProgress: pull.onProgress,
    address: client.deployment.token,
    abi: testAnkrAbi,
    functionName: "approve",
    args: [spender, amount],
  } as const;
  const stateOverride = await allowanceOverride(client, account.address, spender, amount);
  // Throws the main call's decoded error when it would revert: the approval is never sent.
  const checked = stateOverride ? await send(undefined, { dryRun: true, stateOverride }) : undefined;
  if (dryRun) {
    const approval = await sendTransaction(client, { ...approve, dryRun: true });
    const step = { kind: "approve-needed", amount, spender, gas: approval.gas } as const;
    if (checked)
      return { ...checked, gas: checked.gas + approval.gas, tokenStep: { ...step, callSimulated: true } };
    return {
      status: "simulated",
      functionName: pull.functionName,
      to: spender,
      hash: undefined,
      blockNumber: undefined,
      gas: approval.gas,
      events: [],
      result: undefined,
      tokenStep: { ...step, callSimulated: false },
    };
  }
  const transaction = await sendTransaction(client, approve);
  return { ...(await send(undefined, {})), tokenStep: { kind: "approve", transaction } };
}
