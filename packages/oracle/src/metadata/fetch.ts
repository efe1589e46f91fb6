// Reads a provider's metadata document from its URI (https, ipfs through a gateway, or data:) and
// validates it. Every failure becomes a MetadataError with the reason, for the status page.
import { InvalidMetadataError, type ProviderMetadata, parseMetadata } from "@ankr-staking/sdk";

import { MetadataError } from "../errors.ts";
import { type RequestLimits, requestJson } from "../net/request.ts";

export interface MetadataOptions {
  /** Gateway base for ipfs:// URIs, e.g. "https://ipfs.io/ipfs/". */
  ipfsGateway: string;
  limits: RequestLimits;
  /** Let metadata be served over plain http (devnet only). */
  allowHttp?: boolean;
}

/** Decodes a data: URI (base64 or percent-encoded) into its text. */
function decodeDataUri(uri: string): string {
  const comma = uri.indexOf(",");
  if (comma === -1) throw new MetadataError("data: URI without a comma");
  const header = uri.slice(5, comma);
  const payload = uri.slice(comma + 1);
  return header.endsWith(";base64")
    ? Buffer.from(payload, "base64").toString("utf8")
    : decodeURIComponent(payload);
}

async function loadDocument(uri: string, options: MetadataOptions): Promise<unknown> {
  if (uri.startsWith("data:")) {
    const text = decodeDataUri(uri);
    if (text.length > options.limits.maxBytes) throw new MetadataError("document too large");
    try {
      return JSON.parse(text);
    } catch {
      throw new MetadataError("document is not JSON");
    }
  }
  let url: string;
  if (uri.startsWith("ipfs://")) url = `${options.ipfsGateway.replace(/\/+$/, "")}/${uri.slice(7)}`;
  else if (uri.startsWith("https://") || (options.allowHttp && uri.startsWith("http://"))) url = uri;
  else throw new MetadataError(`unsupported URI scheme: ${uri.slice(0, 40)}`);
  try {
    return (await requestJson({ url, method: "GET" }, options.limits)).body;
  } catch (error) {
    throw new MetadataError(`cannot fetch ${url}`, { details: (error as Error).message, cause: error });
  }
}

/** The validated document behind `uri`, or a MetadataError saying why not. */
export async function fetchMetadata(uri: string, options: MetadataOptions): Promise<ProviderMetadata> {
  const document = await loadDocument(uri, options);
  let metadata: ProviderMetadata;
  try {
    metadata = parseMetadata(document);
  } catch (error) {
    if (!(error instanceof InvalidMetadataError)) throw error;
    throw new MetadataError("invalid metadata", { details: error.shortMessage, cause: error });
  }
  if (!metadata.chains?.length)
    throw new MetadataError("invalid metadata", { details: "it lists no chains" });
  return metadata;
}
