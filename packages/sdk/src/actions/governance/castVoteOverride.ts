import type { Address } from "viem";

import { ankrGovernorAbi, ankrStakingAbi } from "../../abis/generated.js";
import type { StakingClientBase } from "../../client/createStakingClient.js";
import { BaseError } from "../../errors/base.js";
import { MissingAccountError } from "../../errors/rpc.js";
import { withStakingErrors } from "../../transaction/send.js";
import type { TransactionResult, WriteOptions } from "../../transaction/types.js";
import { getProviderAddresses } from "../read/getProviders.js";
import { governorAddress, sendGovernor, type VoteSupport, voteSupport } from "./governor.js";

export type CastVoteOverrideParameters = WriteOptions & {
  proposalId: bigint;
  support: VoteSupport;
  /** Providers whose vote to override with this account's stake there; default: every provider it
   *  had stake at on the proposal's snapshot and has not overridden yet. */
  providers?: readonly Address[] | undefined;
};

export type CastVoteOverrideReturnType = TransactionResult & { providers: Address[] };

export class NoStakeToOverrideError extends BaseError {
  override name = "NoStakeToOverrideError";
  constructor(account: Address) {
    super(`${account} had no stake left to vote at this proposal's snapshot (none, or already overridden)`);
  }
}

/**
 * What `account` can still override on a proposal: each provider where it had stake at the
 * snapshot and has not overridden yet, with that stake.
 *
 * @example
 * const overridable = await client.getOverridableStake({ proposalId, account })
 */
export function getOverridableStake(
  client: StakingClientBase,
  { proposalId, account }: { proposalId: bigint; account: Address },
): Promise<{ provider: Address; stake: bigint }[]> {
  return withStakingErrors(client, async () => {
    const { publicClient, deployment } = client;
    const governor = governorAddress(client);
    const snapshot = await publicClient.readContract({
      address: governor,
      abi: ankrGovernorAbi,
      functionName: "proposalSnapshot",
      args: [proposalId],
    });
    const providers = (await getProviderAddresses(client)).filter(
      (p) => p.toLowerCase() !== account.toLowerCase(),
    );
    const rows = await Promise.all(
      providers.map(async (provider) => {
        const [stake, done] = await Promise.all([
          publicClient.readContract({
            address: deployment.staking,
            abi: ankrStakingAbi,
            functionName: "getPastStake",
            args: [provider, account, snapshot],
          }),
          publicClient.readContract({
            address: governor,
            abi: ankrGovernorAbi,
            functionName: "hasOverridden",
            args: [proposalId, account, provider],
          }),
        ]);
        return { provider, stake: done ? 0n : stake };
      }),
    );
    return rows.filter((r) => r.stake > 0n);
  });
}

/**
 * Votes a delegator's own stake (at the proposal's snapshot) at the named providers, taking it out
 * of each provider's tally whether the provider voted before or after.
 *
 * @example
 * await client.castVoteOverride({ proposalId, support: "against" })
 */
export async function castVoteOverride(
  client: StakingClientBase,
  { proposalId, support, providers, ...options }: CastVoteOverrideParameters,
): Promise<CastVoteOverrideReturnType> {
  const account = client.account?.address;
  if (!account) throw new MissingAccountError();
  const named =
    providers !== undefined
      ? [...providers]
      : (await getOverridableStake(client, { proposalId, account })).map((r) => r.provider);
  if (named.length === 0) throw new NoStakeToOverrideError(account);
  const result = await sendGovernor(
    client,
    "castVoteOverride",
    [proposalId, voteSupport[support], named],
    options,
  );
  return { ...result, providers: named };
}
