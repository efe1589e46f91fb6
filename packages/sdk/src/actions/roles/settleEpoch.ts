import type { StakingClientBase } from "../../client/createStakingClient.js";
import { sendStaking } from "../../transaction/staking.js";
import type { TransactionResult, WriteOptions } from "../../transaction/types.js";
import { type ScoreRoundParameters, scoreRound } from "../oracle/scoreRound.js";

export type SettleEpochParameters = WriteOptions & ScoreRoundParameters;

/**
 * Settles an ended epoch with a score per scored provider (SETTLER_ROLE: the oracle committee).
 * Fills in the scored set from the contract and sorts it as `settleEpoch` expects.
 *
 * @example
 * await client.settleEpoch({ defaultScoreBps: 10_000, scores: { [provider]: 4_000 } })
 */
export async function settleEpoch(
  client: StakingClientBase,
  { epoch, scores, defaultScoreBps, ...options }: SettleEpochParameters,
): Promise<TransactionResult> {
  const round = await scoreRound(client, { epoch, scores, defaultScoreBps });
  return sendStaking(client, "settleEpoch", [round.epoch, round.providers, round.scoresBps], options);
}
