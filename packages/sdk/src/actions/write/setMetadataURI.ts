import type { StakingClientBase } from "../../client/createStakingClient.js";
import { sendStaking } from "../../transaction/staking.js";
import type { TransactionResult, WriteOptions } from "../../transaction/types.js";

export type SetMetadataURIParameters = WriteOptions & { metadataURI: string };

/**
 * Replaces the caller's (a provider's) metadata URI.
 *
 * @example
 * await client.setMetadataURI({ metadataURI: encodeMetadataURI({ name: "Acme RPC" }) })
 */
export function setMetadataURI(
  client: StakingClientBase,
  { metadataURI, ...options }: SetMetadataURIParameters,
): Promise<TransactionResult> {
  return sendStaking(client, "setMetadataURI", [metadataURI], options);
}
