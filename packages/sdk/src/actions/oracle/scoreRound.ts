// A settlement round's inputs as the contracts take them: the scored set in increasing address
// order with one score each; shared by settleEpoch (the settler) and submitReport (a member).
import { type Address, encodePacked, type Hex, keccak256 } from "viem";

import { ankrStakingAbi } from "../../abis/generated.js";
import type { StakingClientBase } from "../../client/createStakingClient.js";
import { BaseError } from "../../errors/base.js";
import { withStakingErrors } from "../../transaction/send.js";
import { getEpoch } from "../read/getEpoch.js";

export type ScoreRoundParameters = {
  /** Default: the next epoch to settle. */
  epoch?: bigint | undefined;
  /** Score per provider in basis points (0..10,000). */
  scores?: Partial<Record<Address, number>> | undefined;
  /** Score for every scored provider missing from `scores`; without it, each must be given. */
  defaultScoreBps?: number | undefined;
};

export type ScoreRound = { epoch: bigint; providers: Address[]; scoresBps: number[] };

export class MissingScoreError extends BaseError {
  override name = "MissingScoreError";
  constructor(provider: Address) {
    super(`no score for scored provider ${provider} (give one, or a default score)`);
  }
}

/** The epoch, the scored set sorted by address, and a score for each. */
export async function scoreRound(
  client: StakingClientBase,
  { epoch, scores = {}, defaultScoreBps }: ScoreRoundParameters,
): Promise<ScoreRound> {
  const [scored, target] = await withStakingErrors(client, () =>
    Promise.all([
      client.publicClient.readContract({
        address: client.deployment.staking,
        abi: ankrStakingAbi,
        functionName: "scoredProviders",
      }),
      epoch ?? getEpoch(client).then((e) => e.nextEpochToSettle),
    ]),
  );
  const byAddress = new Map(Object.entries(scores).map(([a, s]) => [a.toLowerCase(), s]));
  const providers = [...scored].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
  const scoresBps = providers.map((provider) => {
    const score = byAddress.get(provider.toLowerCase()) ?? defaultScoreBps;
    if (score === undefined) throw new MissingScoreError(provider);
    return score;
  });
  return { epoch: target, providers, scoresBps };
}

/** One big-endian uint16 per score, as OracleCommittee.submitReport takes them. */
export function packScores(scores: readonly number[]): Hex {
  return `0x${scores.map((s) => s.toString(16).padStart(4, "0")).join("")}`;
}

/** The committee's key for a provider list: keccak256 of the packed (32-byte padded) addresses. */
export function reportListHash(providers: readonly Address[]): Hex {
  return keccak256(encodePacked(["address[]"], [providers]));
}
