// A provider's metadata document (name, website, chains and endpoints) and its data: URI form.
import { BaseError } from "../errors/base.js";

export type ProviderMetadata = {
  name: string;
  website?: string | undefined;
  description?: string | undefined;
  /** Chains served: `id` from the chain registry (`CHAINS`), each with its public RPC endpoints. */
  chains?: { id: string; endpoints: string[] }[] | undefined;
};

/** The document's limits: what the oracle fetches and every tool writes. */
export const metadataLimits = {
  name: 100,
  description: 1000,
  url: 2048,
  chains: 64,
  chainId: 64,
  endpointsPerChain: 8,
} as const;

export class InvalidMetadataError extends BaseError {
  override name = "InvalidMetadataError";
  constructor(reason: string) {
    super(`provider metadata is not valid: ${reason}`);
  }
}

const isHttpUrl = (url: unknown): url is string =>
  typeof url === "string" && url.length <= metadataLimits.url && /^https?:\/\/[^\s/$.?#][^\s]*$/.test(url);

function check(metadata: ProviderMetadata): ProviderMetadata {
  if (typeof metadata !== "object" || metadata === null) throw new InvalidMetadataError("not an object");
  const { name, website, description, chains } = metadata;
  if (typeof name !== "string" || name.trim() === "") throw new InvalidMetadataError("name is empty");
  if (name.length > metadataLimits.name)
    throw new InvalidMetadataError(`name is over ${metadataLimits.name} characters`);
  if (website !== undefined && !(isHttpUrl(website) && website.startsWith("https://"))) {
    throw new InvalidMetadataError(`website ${website} is not an https URL`);
  }
  if (
    description !== undefined &&
    (typeof description !== "string" || description.length > metadataLimits.description)
  ) {
    throw new InvalidMetadataError(
      `description must be text of at most ${metadataLimits.description} characters`,
    );
  }
  if (chains === undefined) return metadata;
  if (!Array.isArray(chains) || chains.length > metadataLimits.chains) {
    throw new InvalidMetadataError(
      `chains must be a list of at most ${metadataLimits.chains} { id, endpoints }`,
    );
  }
  const seen = new Set<string>();
  for (const chain of chains) {
    const id = (chain as { id?: unknown })?.id;
    if (typeof id !== "string" || id === "" || id.length > metadataLimits.chainId) {
      throw new InvalidMetadataError("each chain needs an id (from the chain registry)");
    }
    if (seen.has(id)) throw new InvalidMetadataError(`chain ${id} is listed twice`);
    seen.add(id);
    const { endpoints } = chain;
    if (
      !Array.isArray(endpoints) ||
      endpoints.length === 0 ||
      endpoints.length > metadataLimits.endpointsPerChain
    ) {
      throw new InvalidMetadataError(`chain ${id} needs 1 to ${metadataLimits.endpointsPerChain} endpoints`);
    }
    for (const url of endpoints) {
      if (!isHttpUrl(url))
        throw new InvalidMetadataError(`endpoints of ${id}: ${String(url)} is not an http(s) URL`);
    }
  }
  return metadata;
}

/**
 * Validates a parsed metadata document (fetched from an https or ipfs URI), or throws
 * InvalidMetadataError.
 *
 * @example
 * const metadata = parseMetadata(await (await fetch(uri)).json())
 */
export function parseMetadata(document: unknown): ProviderMetadata {
  return check(document as ProviderMetadata);
}

/**
 * The metadata as a self-contained `data:application/json;base64,...` URI (no hosting needed).
 *
 * @example
 * encodeMetadataURI({ name: "Acme RPC", chains: [{ id: "ethereum", endpoints: ["https://eth.acme.io"] }] })
 */
export function encodeMetadataURI(metadata: ProviderMetadata): string {
  const json = JSON.stringify(check(metadata));
  const base64 = btoa(String.fromCharCode(...new TextEncoder().encode(json)));
  return `data:application/json;base64,${base64}`;
}

/** The metadata in a `data:` URI, or undefined for URIs that must be fetched (https, ipfs). */
export function decodeMetadataURI(uri: string): ProviderMetadata | undefined {
  const match = /^data:application\/json(;base64)?,(.*)$/s.exec(uri);
  if (!match) return undefined;
  try {
    const text = match[1]
      ? new TextDecoder().decode(Uint8Array.from(atob(match[2] ?? ""), (c) => c.charCodeAt(0)))
      : decodeURIComponent(match[2] ?? "");
    return check(JSON.parse(text) as ProviderMetadata);
  } catch {
    return undefined;
  }
}
