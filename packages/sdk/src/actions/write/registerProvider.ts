import type { StakingClientBase } from "../../client/createStakingClient.js";
import { sendWithPull } from "../../token/approval.js";
import { sendStaking } from "../../transaction/staking.js";
import type { TransactionResult, WriteOptions } from "../../transaction/types.js";

export type RegisterProviderParameters = WriteOptions & {
  /** At least `minSelfStake`; approved first when needed. */
  selfStake: bigint;
  commissionBps: number;
  /** https, ipfs or data: URI of the metadata JSON (see encodeMetadataURI). */
  metadataURI: string;
};

/**
 * Registers the caller as a provider (Pending until governance admits it).
 *
 * @example
 * await client.registerProvider({ selfStake: parseAmount("100,000"), commissionBps: 1000, metadataURI })
 */
export function registerProvider(
  client: StakingClientBase,
  { selfStake, commissionBps, metadataURI, ...options }: RegisterProviderParameters,
): Promise<TransactionResult> {
  return sendWithPull(
    client,
    {
      ...options,
      spender: client.deployment.staking,
      amount: selfStake,
      permitEntryPoint: false,
      functionName: "registerProvider",
    },
    (_, overrides) =>
      sendStaking(client, "registerProvider", [selfStake, commissionBps, metadataURI], {
        ...options,
        ...overrides,
      }),
  );
}
