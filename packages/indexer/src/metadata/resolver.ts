// Provider metadata (name, website, chains) for the API, resolved off the indexing path. The
// handlers store only the metadata URI (a pure function of the logs, so a re-index writes the same
// rows); this module reads the documents in the background and keeps them in memory, keyed by URI:
// - data: URIs decode in place, on first use (no network);
// - https:// and ipfs:// (through IPFS_GATEWAY) go through the SDK's bounded request layer
//   (`@ankr-staking/sdk/node`: public addresses only, a deadline, a body cap, no redirects), never
//   before the backfill is done, a few at a time, and never awaited by a request: until a document
//   is read the API says "pending", and "failed" with the reason if it could not be.
// A resolved document is re-read after METADATA_REFRESH_MS, a failed one retried after
// METADATA_RETRY_MS; a failed re-read keeps the last good document (with the error beside it), as
// the oracle does. `version` changes whenever a state does, so the response cache can key by it.
import { BaseError, type ProviderMetadata } from "@ankr-staking/sdk";
import {
  type AddressPolicy,
  fetchMetadata,
  HostLimiter,
  type MetadataOptions,
  parseAllowList,
} from "@ankr-staking/sdk/node";
import { LRUCache } from "lru-cache";
import pLimit from "p-limit";

export type ResolvedMetadata = { name: string; website: string | null; chains: string[] };

export type MetadataState =
  | { status: "pending" }
  | { status: "resolved"; metadata: ResolvedMetadata; at: number; error: string | null }
  | { status: "failed"; error: string; at: number };

export interface ResolverOptions {
  /** Off: network URIs are never read (data: URIs still are). */
  fetch: boolean;
  ipfsGateway: string;
  policy: AddressPolicy;
  /** Plain http:// documents: only with an address allow-list (a devnet's opt-in), as in the oracle. */
  allowHttp: boolean;
  timeoutMs: number;
  maxBytes: number;
  refreshMs: number;
  retryMs: number;
  /** Documents read at once, and per host. */
  concurrency: number;
  perHost: number;
  /** URIs kept (least recently used dropped first). */
  maxEntries: number;
}

/** Thrown when a METADATA_* variable is not what it should be. */
export class MetadataConfigError extends Error {
  override name = "MetadataConfigError";
  constructor(variable: string, reason: string) {
    super(`${variable}: ${reason}`);
  }
}

function integer(env: NodeJS.ProcessEnv, variable: string, fallback: number, min: number): number {
  const value = env[variable];
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min)
    throw new MetadataConfigError(variable, `must be an integer >= ${min}`);
  return n;
}

export function resolverOptions(env: NodeJS.ProcessEnv = process.env): ResolverOptions {
  let policy: AddressPolicy;
  try {
    policy = parseAllowList(env.METADATA_ALLOW ?? "");
  } catch (error) {
    throw new MetadataConfigError("METADATA_ALLOW", (error as Error).message);
  }
  return {
    fetch: env.METADATA_FETCH !== "false",
    ipfsGateway: env.IPFS_GATEWAY || "https://ipfs.io/ipfs/",
    policy,
    allowHttp: policy.allow.length > 0,
    timeoutMs: integer(env, "METADATA_TIMEOUT_MS", 5000, 100),
    maxBytes: integer(env, "METADATA_MAX_BYTES", 1_048_576, 1024),
    refreshMs: integer(env, "METADATA_REFRESH_MS", 10 * 60_000, 1000),
    retryMs: integer(env, "METADATA_RETRY_MS", 60_000, 100),
    concurrency: 4,
    perHost: 2,
    maxEntries: 10_000,
  };
}

const PENDING: MetadataState = { status: "pending" };

function toResolved(metadata: ProviderMetadata): ResolvedMetadata {
  return {
    name: metadata.name,
    website: metadata.website ?? null,
    chains: (metadata.chains ?? []).map((c) => c.id.toLowerCase()),
  };
}

export class MetadataResolver {
  private readonly states: LRUCache<string, MetadataState>;
  private readonly inFlight = new Set<string>();
  private readonly limit: ReturnType<typeof pLimit>;
  private readonly fetchOptions: MetadataOptions;
  private changes = 0;

  /** `ready` says whether the backfill is done: nothing is fetched before. */
  constructor(
    private readonly options: ResolverOptions,
    private readonly ready: () => Promise<boolean>,
  ) {
    this.states = new LRUCache({ max: options.maxEntries });
    this.limit = pLimit(options.concurrency);
    this.fetchOptions = {
      ipfsGateway: options.ipfsGateway,
      allowHttp: options.allowHttp,
      limits: {
        timeoutMs: options.timeoutMs,
        maxBytes: options.maxBytes,
        policy: options.policy,
        limiter: new HostLimiter(options.perHost),
      },
    };
  }

  /** Changes whenever a URI's state does. */
  get version(): number {
    return this.changes;
  }

  /**
   * The state of each URI now. data: URIs are decoded before answering; network URIs are never
   * awaited: a missing, expired or failed one is scheduled in the background (once the backfill is
   * done) and answered from what is known.
   */
  async lookup(uris: readonly string[]): Promise<Map<string, MetadataState>> {
    const result = new Map<string, MetadataState>();
    let ready: boolean | undefined;
    for (const uri of new Set(uris)) {
      const known = this.states.get(uri);
      if (uri.startsWith("data:")) {
        result.set(uri, known ?? (await this.resolve(uri)));
        continue;
      }
      if (!this.options.fetch) {
        result.set(uri, {
          status: "failed",
          error: "metadata fetching is off (METADATA_FETCH=false)",
          at: 0,
        });
        continue;
      }
      result.set(uri, known ?? PENDING);
      if (this.due(known) && !this.inFlight.has(uri)) {
        ready ??= await this.ready().catch(() => false);
        if (ready) this.schedule(uri);
      }
    }
    return result;
  }

  private due(state: MetadataState | undefined): boolean {
    if (!state || state.status === "pending") return true;
    const age = Date.now() - state.at;
    return state.status === "failed" || state.error
      ? age >= this.options.retryMs
      : age >= this.options.refreshMs;
  }

  private schedule(uri: string): void {
    this.inFlight.add(uri);
    // Only background reads change what an answer already given said (data: URIs never were pending).
    void this.limit(() => this.resolve(uri)).finally(() => {
      this.inFlight.delete(uri);
      this.changes++;
    });
  }

  private async resolve(uri: string): Promise<MetadataState> {
    const known = this.states.get(uri);
    let state: MetadataState;
    try {
      const metadata = toResolved(await fetchMetadata(uri, this.fetchOptions));
      state = { status: "resolved", metadata, at: Date.now(), error: null };
    } catch (error) {
      const reason =
        error instanceof BaseError && error.details
          ? `${error.shortMessage}: ${error.details}`
          : (error as Error).message;
      // A failed re-read keeps the last good document: a gateway's bad minute is not the
      // provider withdrawing its description.
      state =
        known?.status === "resolved"
          ? { ...known, at: Date.now(), error: reason }
          : { status: "failed", error: reason, at: Date.now() };
    }
    this.states.set(uri, state);
    return state;
  }
}
