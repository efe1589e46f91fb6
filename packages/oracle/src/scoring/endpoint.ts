// What makes two declared endpoint URLs the same endpoint. The score does not depend on it (each
// provider and chain is scored over every round, whatever its endpoints are called); it decides
// which spellings are probed once and share one endpoint's tally, so a provider cannot weigh one
// node several times in a chain's mean by listing it under a trailing slash or a query string.

/**
 * The endpoint's identity: scheme, host (lowercased, without a trailing dot) and port as the WHATWG
 * URL parser normalises them, and the path without trailing slashes. Credentials, query string and
 * fragment are left out: within one chain they select the same node. Not a URL to probe: a server
 * may redirect (never followed) or need the query, so the declared spelling is what is probed.
 *
 * @example
 * endpointKey("HTTPS://RPC.Example.:443/eth/?key=1#x") // "https://rpc.example/eth"
 */
export function endpointKey(url: string): string {
  const u = new URL(url);
  const host = u.hostname.replace(/\.$/, "");
  const port = u.port ? `:${u.port}` : "";
  return `${u.protocol}//${host}${port}${u.pathname.replace(/\/+$/, "")}`;
}

/** The declared endpoints without repeats of one {@link endpointKey}, first spelling kept, in order. */
export function distinctEndpoints(urls: readonly string[]): string[] {
  const seen = new Set<string>();
  return urls.filter((url) => {
    const key = endpointKey(url);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
