import type { StakingClientBase } from "../../client/createStakingClient.js";
import type { TransactionResult, WriteOptions } from "../../transaction/types.js";
import { getProposal } from "./getProposal.js";
import { sendGovernor } from "./governor.js";

export type ExecuteParameters = WriteOptions & { proposalId: bigint };

/**
 * Executes a Queued proposal through the timelock once its delay is over (anyone may). Its actions are read from the
 * proposal's creation event.
 *
 * @example
 * await client.execute({ proposalId })
 */
export async function execute(
  client: StakingClientBase,
  { proposalId, ...options }: ExecuteParameters,
): Promise<TransactionResult> {
  const { actions, descriptionHash } = await getProposal(client, { proposalId });
  return sendGovernor(
    client,
    "execute",
    [
      actions.map((a) => a.target),
      actions.map((a) => a.value),
      actions.map((a) => a.calldata),
      descriptionHash,
    ],
    options,
  );
}
