// The token step before a contract pulls tokens: nothing, an EIP-2612 permit, or an approval.
import type { Address } from "viem";

import { testAnkrAbi } from "../abis/generated.js";
import type { StakingClientBase } from "../client/createStakingClient.js";
import { MissingAccountError } from "../errors/rpc.js";
import { sendTransaction } from "../transaction/send.js";
import type { TokenStep, TransactionResult, WriteOptions } from "../transaction/types.js";
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

export type PreparedPull = { step: TokenStep | undefined; permit: PermitSignature | undefined };

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
 * Makes sure `spender` may pull `amount`: does nothing when the allowance suffices, signs a permit
 * when the call has a permit form and the token supports it, and otherwise sends an approval for
 * exactly `amount` (never an unlimited one).
 */
export async function preparePull(
  client: StakingClientBase,
  parameters: PreparePullParameters,
): Promise<PreparedPull> {
  const { spender, amount, permitEntryPoint, method = "auto", permitLifetime = 3600n, dryRun } = parameters;
  if ((await getAllowance(client, spender)) >= amount) return { step: undefined, permit: undefined };
  const usePermit =
    permitEntryPoint && method !== "approve" && (method === "permit" || (await supportsPermit(client)));
  if (usePermit) {
    // From the later of chain time and the local clock: the block that includes it may come later.
    const block = await client.publicClient.getBlock();
    const wallClock = BigInt(Math.floor(Date.now() / 1000));
    const deadline = (block.timestamp > wallClock ? block.timestamp : wallClock) + permitLifetime;
    const permit = await signPermit(client, { spender, value: amount, deadline });
    return { step: { kind: "permit", deadline }, permit };
  }
  if (dryRun) return { step: { kind: "approve-needed", amount, spender }, permit: undefined };
  const transaction = await sendTransaction(client, {
    ...parameters,
    address: client.deployment.token,
    abi: testAnkrAbi,
    functionName: "approve",
    args: [spender, amount],
  });
  return { step: { kind: "approve", transaction }, permit: undefined };
}

/**
 * Runs the token step, then `send` (given the permit when one was signed). In a dry run that needs
 * an approval first, the main call cannot be simulated: the result says so in `tokenStep`.
 */
export async function sendWithPull(
  client: StakingClientBase,
  pull: PreparePullParameters & { functionName: string },
  send: (permit: PermitSignature | undefined) => Promise<TransactionResult>,
): Promise<TransactionResult> {
  const { step, permit } = await preparePull(client, pull);
  if (step?.kind === "approve-needed") {
    return {
      status: "simulated",
      functionName: pull.functionName,
      to: pull.spender,
      hash: undefined,
      blockNumber: undefined,
      gas: 0n,
      events: [],
      result: undefined,
      tokenStep: step,
    };
  }
  return { ...(await send(permit)), tokenStep: step };
}
