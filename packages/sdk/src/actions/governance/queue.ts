import type { StakingClientBase } from "../../client/createStakingClient.js";
import type { TransactionResult, WriteOptions } from "../../transaction/types.js";
import { getProposal } from "./getProposal.js";
import { sendGovernor } from "./governor.js";

export type QueueParameters = WriteOptions & { proposalId: bigint };

/**
 * Queues a Succeeded proposal in the timelock (anyone may). Its actions are read from the
 * proposal's creation event.
 *
 * @example
 * await client.queue({ proposalId })
 */
export async function queue(
  client: StakingClientBase,
  { proposalId, ...options }: QueueParameters,
): Promise<TransactionResult> {
  const { actions, descriptionHash } = await getProposal(client, { proposalId });
  return sendGovernor(
    client,
    "queue",
    [
      actions.map((a) => a.target),
      actions.map((a) => a.value),
      actions.map((a) => a.calldata),
      descriptionHash,
    ],
    options,
  );
}
