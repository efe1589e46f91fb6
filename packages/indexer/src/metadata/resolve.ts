// A provider's metadata (name, website, chains served) from its metadata URI: data: URIs decode
// in place; https:// and ipfs:// (through IPFS_GATEWAY) are fetched once with a short timeout.
// Validation is the SDK's (parseMetadata), the one definition every package shares.
import { decodeMetadataURI, type ProviderMetadata, parseMetadata } from "@ankr-staking/sdk";

export type ResolvedMetadata = { name: string | null; website: string | null; chains: string[] | null };

const none: ResolvedMetadata = { name: null, website: null, chains: null };
const timeoutMs = Number(process.env.METADATA_TIMEOUT_MS ?? 2000);
const maxBytes = 64 * 1024;

function toResolved(metadata: ProviderMetadata | undefined): ResolvedMetadata {
  if (!metadata) return none;
  return {
    name: metadata.name.slice(0, 100),
    website: metadata.website ?? null,
    chains: (metadata.chains ?? []).map((c) => c.id.toLowerCase()),
  };
}

function urlOf(uri: string): string | undefined {
  if (uri.startsWith("https://")) return uri;
  if (uri.startsWith("ipfs://")) {
    const gateway = (process.env.IPFS_GATEWAY ?? "https://ipfs.io/ipfs/").replace(/\/+$/, "");
    return `${gateway}/${uri.slice("ipfs://".length)}`;
  }
  return undefined;
}

/** Never throws: an unreadable or invalid document leaves the fields empty. */
export async function resolveMetadata(uri: string): Promise<ResolvedMetadata> {
  if (uri.startsWith("data:")) return toResolved(decodeMetadataURI(uri));
  const url = urlOf(uri);
  if (!url || process.env.METADATA_FETCH === "false") return none;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: "error" });
    const text = await response.text();
    if (!response.ok || text.length > maxBytes) return none;
    return toResolved(parseMetadata(JSON.parse(text)));
  } catch {
    return none;
  }
}
