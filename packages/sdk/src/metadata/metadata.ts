// A provider's metadata document (name, website, chains and endpoints) and its data: URI form.
import { BaseError } from "../errors/base.js";

export type ProviderMetadata = {
  name: string;
  website?: string | undefined;
  description?: string | undefined;
  /** Chains served, each with its public RPC endpoints. */
  chains?: { chain: string; endpoints: string[] }[] | undefined;
};

export class InvalidMetadataError extends BaseError {
  override name = "InvalidMetadataError";
  constructor(reason: string) {
    super(`provider metadata is not valid: ${reason}`);
  }
}

function check(metadata: ProviderMetadata): ProviderMetadata {
  if (typeof metadata !== "object" || metadata === null) throw new InvalidMetadataError("not an object");
  if (typeof metadata.name !== "string" || metadata.name.trim() === "")
    throw new InvalidMetadataError("name is empty");
  if (metadata.chains !== undefined) {
    const valid =
      Array.isArray(metadata.chains) &&
      metadata.chains.every(
        (c) =>
          typeof c?.chain === "string" &&
          Array.isArray(c.endpoints) &&
          c.endpoints.every((e) => typeof e === "string"),
      );
    if (!valid) throw new InvalidMetadataError("chains must be a list of { chain, endpoints }");
  }
  const urls = [metadata.website, ...(metadata.chains ?? []).flatMap((c) => c.endpoints)];
  for (const url of urls) {
    if (url !== undefined && !/^(https?|wss?):\/\/[^\s]+$/.test(url))
      throw new InvalidMetadataError(`${url} is not a URL`);
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
 * encodeMetadataURI({ name: "Acme RPC", chains: [{ chain: "eth", endpoints: ["https://eth.acme.io"] }] })
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
