// Waits for a transaction and reports a clear result: mined with its events, or a typed error.
import type { Hash } from "viem";

import type { StakingClientBase } from "../client/createStakingClient.js";
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
  if (receipt.status !== "success") {
    throw new TransactionRevertedError(hash, {
      details: `block ${receipt.blockNumber}, gas ${receipt.gasUsed}`,
    });
  }
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
