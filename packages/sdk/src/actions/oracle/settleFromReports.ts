import type { Address } from "viem";

import { oracleCommitteeAbi } from "../../abis/generated.js";
import type { StakingClientBase } from "../../client/createStakingClient.js";
import { sendTransaction } from "../../transaction/send.js";
import type { TransactionResult, WriteOptions } from "../../transaction/types.js";
import { scoreRound } from "./scoreRound.js";
import { committeeAddress } from "./submitReport.js";

export type SettleFromReportsParameters = WriteOptions & {
  /** The epoch to settle (default: the next one). */
  epoch?: bigint | undefined;
};

export type SettleFromReportsReturnType = TransactionResult & { epoch: bigint; providers: Address[] };

/**
 * Settles an ended epoch through the oracle committee from the reports its members already sent:
 * the permissionless path (anyone may call it) for when the committee holds SETTLER_ROLE and
 * current members' reports for the scored set reach the quorum without the last one having settled
 * it (after governance lowered the quorum, for instance). Scores are the reports' medians; the
 * caller gives none. Throws OracleQuorumNotReachedError when too few reports are in.
 *
 * @example
 * const { epoch } = await client.settleFromReports()
 */
export async function settleFromReports(
  client: StakingClientBase,
  { epoch, ...options }: SettleFromReportsParameters = {},
): Promise<SettleFromReportsReturnType> {
  const address = committeeAddress(client);
  // The committee keys reports by the scored list, so it is read exactly as members read it.
  const round = await scoreRound(client, { epoch, defaultScoreBps: 0 });
  const result = await sendTransaction(client, {
    ...options,
    address,
    abi: oracleCommitteeAbi,
    functionName: "settle",
    args: [round.epoch, round.providers],
  });
  return { ...result, epoch: round.epoch, providers: round.providers };
}
