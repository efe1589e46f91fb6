// The token step before a contract pulls tokens: nothing, an EIP-2612 permit, or an approval.
import type { Address } from "viem";

import { testAnkrAbi } from "../abis/generated.js";
import type { StakingClientBase } from "../client/createStakingClient.js";
import { BaseError } from "../errors/base.js";
import { MissingAccountError } from "../errors/rpc.js";
import { type SendOptions, sendTransaction } from "../transaction/send.js";
import type { TransactionResult, WriteOptions } from "../transaction/types.js";
import { allowanceOverride } from "./allowanceSlot.js";
import { type PermitSignature, signPermit, supportsPermit } from "./permit.js";

/**
 * How to authorise the pull: `auto` uses a permit where the token supports one and the node's block
 * time is within MAX_CHAIN_TIME_AHEAD of the local clock, else an approval; `permit` throws
 * ChainTimeAheadError then.
 */
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

/**
 * How far the node's latest block time may run ahead of this machine's clock for a permit to be
 * signed (seconds). A permit's deadline comes from the later of the two, so an RPC endpoint that
 * reported a block time far in the future would otherwise get a signature valid until then.
 * Real chains keep within seconds of real time; an hour leaves room for a skewed local clock and
 * for a devnet moved a few short epochs ahead.
 */
export const MAX_CHAIN_TIME_AHEAD = 3600n;

/** The node's latest block time is too far ahead of the local clock to sign a permit from. */
export class ChainTimeAheadError extends BaseError {
  override name = "ChainTimeAheadError";
  /** Seconds the latest block's time is ahead of the local clock. */
  readonly ahead: bigint;
  constructor(ahead: bigint) {
    const s = (n: bigint) => `${n.toLocaleString("en-US")} s`;
    super(
      `the RPC endpoint's latest block is ${s(ahead)} ahead of this machine's clock (at most ${s(MAX_CHAIN_TIME_AHEAD)} allowed): a permit signed from it would stay valid that much longer; check the endpoint and the clock, or use an approval`,
    );
    this.ahead = ahead;
  }
}

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
    const { timestamp } = await client.publicClient.getBlock();
    const wallClock = BigInt(Math.floor(Date.now() / 1000));
    if (timestamp - wallClock <= MAX_CHAIN_TIME_AHEAD) {
      // From the later of the two: an idle chain's latest block can be hours old, and the block that
      // includes the permit takes the time it is mined. Never more than the allowance ahead of ours.
      const deadline = (timestamp > wallClock ? timestamp : wallClock) + permitLifetime;
      const permit = await signPermit(client, { spender, value: amount, deadline });
      return { ...(await send(permit, {})), tokenStep: { kind: "permit", deadline } };
    }
    // `auto` falls back to an exact approval: a transaction, whose validity no clock extends.
    if (method === "permit") throw new ChainTimeAheadError(timestamp - wallClock);
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
