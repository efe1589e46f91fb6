// Waits for a transaction and reports a clear result: mined with its events, or a typed error.
import type { Hash } from "viem";
import type { StakingClientBase } from "../client/createStakingClient.js";
import { BaseError } from "../errors/base.js";
import { toStakingError } from "../errors/decode.js";
import { TransactionRevertedError } from "../errors/rpc.js";
import { decodeStakingEvents } from "../events/decode.js";
import type { TransactionResult, WriteOptions } from "./types.js";

export type WaitForTransactionParameters = Pick<WriteOptions, "confirmations" | "onProgress"> & {
  hash: Hash;
};

/**
 * Waits for `hash` to be mined (and `confirmations` blocks), decodes its events, and throws
 * TransactionRevertedError if it reverted.
 *
 * @example
 * const { events, gas } = await waitForTransaction(client, { hash })
 */
export async function waitForTransaction(
  client: StakingClientBase,
  { hash, confirmations = 1, onProgress }: WaitForTransactionParameters,
): Promise<TransactionResult> {
  const receipt = await client.publicClient.waitForTransactionReceipt({ hash, confirmations });
  onProgress?.({ stage: "mined", hash });
  if (receipt.status !== "success")
    throw await explainRevert(client, hash, receipt.blockNumber, receipt.gasUsed);
  return {
    status: "success",
    functionName: "",
    to: receipt.to ?? client.deployment.staking,
    hash,
    blockNumber: receipt.blockNumber,
    gas: receipt.gasUsed,
    events: decodeStakingEvents(receipt.logs),
    result: undefined,
  };
}

/**
 * Why a mined transaction reverted: out of gas, or the decoded reason from replaying it on the
 * state before its block.
 */
async function explainRevert(client: StakingClientBase, hash: Hash, blockNumber: bigint, gasUsed: bigint) {
  const [tx, block] = await Promise.all([
    client.publicClient.getTransaction({ hash }),
    client.publicClient.getBlock({ blockNumber }),
  ]);
  // A sub-call that runs out of gas leaves the caller 1/64 of it: that is out of gas too.
  if (gasUsed * 64n >= tx.gas * 63n) {
    return new TransactionRevertedError(hash, `ran out of gas (limit ${tx.gas})`);
  }
  try {
    await client.publicClient.call({
      account: tx.from,
      to: tx.to,
      data: tx.input,
      value: tx.value,
      blockNumber: blockNumber - 1n,
      // Replayed in its own block's time, so deadlines and time locks fail as they did.
      blockOverrides: { number: blockNumber, time: block.timestamp },
    });
  } catch (error) {
    const cause = toStakingError(error, client.format);
    const reason = cause instanceof BaseError ? cause.shortMessage : undefined;
    return new TransactionRevertedError(hash, reason, { cause });
  }
  return new TransactionRevertedError(hash, undefined, { details: `block ${blockNumber}, gas ${gasUsed}` });
}
