// A provider's metadata as the oracle needs it: the SDK's bounded fetch and validation
// (`@ankr-staking/sdk/node`), plus the oracle's own rule that a document must list chains to probe.

import type { ProviderMetadata } from "@ankr-staking/sdk";
import { fetchMetadata as fetchDocument, MetadataError, type MetadataOptions } from "@ankr-staking/sdk/node";

export type { MetadataOptions };

/** The validated document behind `uri`, with at least one chain, or a MetadataError saying why not. */
export async function fetchMetadata(uri: string, options: MetadataOptions): Promise<ProviderMetadata> {
  const metadata = await fetchDocument(uri, options);
  if (!metadata.chains?.length)
    throw new MetadataError("invalid metadata", { details: "it lists no chains" });
  return metadata;
}
