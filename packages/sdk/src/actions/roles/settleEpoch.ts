import type { Address } from "viem";

import { ankrStakingAbi } from "../../abis/generated.js";
import type { StakingClientBase } from "../../client/createStakingClient.js";
import { BaseError } from "../../errors/base.js";
import { withStakingErrors } from "../../transaction/send.js";
import { sendStaking } from "../../transaction/staking.js";
import type { TransactionResult, WriteOptions } from "../../transaction/types.js";
import { getEpoch } from "../read/getEpoch.js";

export type SettleEpochParameters = WriteOptions & {
  /** Default: the next epoch to settle. */
  epoch?: bigint | undefined;
  /** Score per provider in basis points (0..10,000). */
  scores?: Partial<Record<Address, number>> | undefined;
  /** Score for every scored provider missing from `scores`; without it, each must be given. */
  defaultScoreBps?: number | undefined;
};

export class MissingScoreError extends BaseError {
  override name = "MissingScoreError";
  constructor(provider: Address) {
    super(`no score for scored provider ${provider} (give one, or a default score)`);
  }
}

/**
 * Settles an ended epoch with a score per scored provider (SETTLER_ROLE: the oracle committee).
 * Fills in the scored set from the contract and sorts it as `settleEpoch` expects.
 *
 * @example
 * await client.settleEpoch({ defaultScoreBps: 10_000, scores: { [provider]: 4_000 } })
 */
export async function settleEpoch(
  client: StakingClientBase,
  { epoch, scores = {}, defaultScoreBps, ...options }: SettleEpochParameters,
): Promise<TransactionResult> {
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
  return sendStaking(client, "settleEpoch", [target, providers, scoresBps], options);
}
