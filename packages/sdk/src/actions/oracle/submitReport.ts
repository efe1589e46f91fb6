import type { Address } from "viem";

import { oracleCommitteeAbi } from "../../abis/generated.js";
import type { StakingClientBase } from "../../client/createStakingClient.js";
import { BaseError } from "../../errors/base.js";
import { sendTransaction, withStakingErrors } from "../../transaction/send.js";
import type { TransactionResult, WriteOptions } from "../../transaction/types.js";
import {
  packScores,
  reportListHash,
  type ScoreRound,
  type ScoreRoundParameters,
  scoreRound,
} from "./scoreRound.js";

export class OracleNotDeployedError extends BaseError {
  override name = "OracleNotDeployedError";
  constructor(chainId: number) {
    super(`the deployment for chain ${chainId} has no oracle committee`);
  }
}

/** The committee of the deployment; OracleNotDeployedError when it has none. */
export function committeeAddress(client: StakingClientBase): Address {
  const { oracleCommittee, chainId } = client.deployment;
  if (!oracleCommittee) throw new OracleNotDeployedError(chainId);
  return oracleCommittee;
}

export type SubmitReportParameters = WriteOptions & ScoreRoundParameters;

export type SubmitReportReturnType = TransactionResult & {
  round: ScoreRound;
  /** Whether this report completed the quorum and settled the epoch. */
  settled: boolean;
};

/**
 * An oracle committee member's report of every scored provider's score for an ended epoch. The
 * report that completes the quorum settles the epoch with the median score of each provider.
 *
 * @example
 * const { settled } = await member.submitReport({ scores: { [slow]: 4_000 }, defaultScoreBps: 9_800 })
 */
export async function submitReport(
  client: StakingClientBase,
  { epoch, scores, defaultScoreBps, ...options }: SubmitReportParameters,
): Promise<SubmitReportReturnType> {
  const address = committeeAddress(client);
  const round = await scoreRound(client, { epoch, scores, defaultScoreBps });
  const result = await sendTransaction(client, {
    ...options,
    address,
    abi: oracleCommitteeAbi,
    functionName: "submitReport",
    args: [round.epoch, round.providers, packScores(round.scoresBps)],
  });
  return { ...result, round, settled: result.events.some((e) => e.eventName === "EpochSettled") };
}

/**
 * How many members reported the same providers for `epoch`, and whether `member` is one of them.
 *
 * @example
 * const { reports, reported } = await client.getReportStatus({ epoch, member })
 */
export function getReportStatus(
  client: StakingClientBase,
  { epoch, member, providers }: { epoch: bigint; member: Address; providers?: readonly Address[] },
): Promise<{ reports: bigint; reported: boolean }> {
  return withStakingErrors(client, async () => {
    const list = providers ?? (await scoreRound(client, { epoch, defaultScoreBps: 0 })).providers;
    const [reports, reported] = await client.publicClient.readContract({
      address: committeeAddress(client),
      abi: oracleCommitteeAbi,
      functionName: "reportCount",
      args: [epoch, reportListHash(list), member],
    });
    return { reports, reported };
  });
}
