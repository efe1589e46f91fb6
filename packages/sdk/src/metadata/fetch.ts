// Reads a provider's metadata document from its URI (https, ipfs through a gateway, or data:)
// through the bounded request layer (src/net: address policy, deadline, body cap, no redirects) and
// validates it. Every failure becomes a MetadataError with the reason, for a status page.
import { MetadataError } from "../errors/net.js";
import { type RequestLimits, requestJson } from "../net/request.js";
import { InvalidMetadataError, type ProviderMetadata, parseMetadata } from "./metadata.js";

export interface MetadataOptions {
  /** Gateway base for ipfs:// URIs, e.g. "https://ipfs.io/ipfs/". */
  ipfsGateway: string;
  limits: RequestLimits;
  /** Let metadata be served over plain http (an opt-in for devnets, beside an address allow-list). */
  allowHttp?: boolean;
}

/** Decodes a data: URI (base64 or percent-encoded) into its text. */
function decodeDataUri(uri: string): string {
  const comma = uri.indexOf(",");
  if (comma === -1) throw new MetadataError("data: URI without a comma");
  const header = uri.slice(5, comma);
  const payload = uri.slice(comma + 1);
  if (header.endsWith(";base64")) return Buffer.from(payload, "base64").toString("utf8");
  try {
    return decodeURIComponent(payload);
  } catch {
    throw new MetadataError("data: URI with a malformed percent-encoding");
  }
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

/**
 * The validated document behind `uri`, or a {@link MetadataError} saying why not.
 *
 * @example
 * const metadata = await fetchMetadata(uri, {
 *   ipfsGateway: "https://ipfs.io/ipfs/",
 *   limits: { timeoutMs: 5000, maxBytes: 1 << 20, policy: PUBLIC_ONLY, limiter: new HostLimiter(2) },
 * })
 */
export async function fetchMetadata(uri: string, options: MetadataOptions): Promise<ProviderMetadata> {
  const document = await loadDocument(uri, options);
  let metadata: ProviderMetadata;
  try {
    metadata = parseMetadata(document);
  } catch (error) {
    if (!(error instanceof InvalidMetadataError)) throw error;
    throw new MetadataError("invalid metadata", { details: error.shortMessage, cause: error });
  }
  return metadata;
}
