// The oracle committee members' status API (packages/oracle, GET /scores): what each member has
// measured of a provider so far in the current epoch, per chain and endpoint. Each member scores on
// its own, so the console shows every member's view side by side; the settled score is on chain.
import type { Address } from "viem";

/** One endpoint as a member measured it this epoch. */
export type EndpointScore = {
  url: string;
  rounds: number;
  /** Rounds whose probe answered correctly. */
  ok: number;
  /** The newest probe's error, when it failed. */
  lastError: string | undefined;
  /** The newest probe's latency, ms, when it answered. */
  lastLatencyMs: number | undefined;
};

export type ChainScore = { chain: string; scoreBps: number; endpoints: EndpointScore[] };

/** A provider as one member sees it. */
export type MemberScores = {
  member: Address;
  epoch: number;
  /** The epoch so far, over every declared chain (bps). */
  scoreBps: number;
  chains: ChainScore[];
  /** Declared chains the member's registry does not know (not measured). */
  unknownChains: string[];
  /** Why the member ignored the provider's metadata, if it did (the provider then scores 0). */
  metadataError: string | undefined;
};

/** One member's answer: its view of the provider, none (not in its scored set), or why it failed. */
export type MemberAnswer =
  | { url: string; ok: true; scores: MemberScores | undefined }
  | { url: string; ok: false; error: string };

export class OracleError extends Error {
  override name = "OracleError";
}

type WireSample = { at: number; ok: boolean; latencyMs?: number; error?: string };
type WireProvider = {
  address: string;
  metadataError: string | null;
  unknownChains: string[];
  score: number;
  chains: Record<
    string,
    {
      score: number;
      endpoints: { url: string; tally: { rounds: number; ok: number }; samples: WireSample[] }[];
    }
  >;
};
type WireScores = { epoch: number; member: Address; providers: WireProvider[] };

const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** Parses a member's /scores body, or throws OracleError naming what is off. */
export function parseScores(body: unknown, provider: Address): MemberScores | undefined {
  const doc = body as Partial<WireScores> | null;
  if (!doc || !isNumber(doc.epoch) || typeof doc.member !== "string" || !Array.isArray(doc.providers))
    throw new OracleError("its /scores answer is not a scores document");
  const p = doc.providers.find((x) => x?.address?.toLowerCase() === provider.toLowerCase());
  if (!p) return undefined;
  if (!isNumber(p.score) || typeof p.chains !== "object" || p.chains === null)
    throw new OracleError(`its /scores entry for ${provider} has no score or chains`);
  const chains = Object.entries(p.chains)
    .map(([chain, c]) => ({
      chain,
      scoreBps: isNumber(c?.score) ? c.score : 0,
      endpoints: (Array.isArray(c?.endpoints) ? c.endpoints : []).map((e) => {
        // The member lists the newest sample first.
        const last = Array.isArray(e.samples) ? e.samples[0] : undefined;
        return {
          url: String(e.url),
          rounds: isNumber(e.tally?.rounds) ? e.tally.rounds : 0,
          ok: isNumber(e.tally?.ok) ? e.tally.ok : 0,
          lastError: last && !last.ok ? (last.error ?? "no answer") : undefined,
          lastLatencyMs: last?.ok && isNumber(last.latencyMs) ? last.latencyMs : undefined,
        };
      }),
    }))
    .sort((a, b) => a.chain.localeCompare(b.chain));
  return {
    member: doc.member,
    epoch: doc.epoch,
    scoreBps: p.score,
    chains,
    unknownChains: Array.isArray(p.unknownChains) ? p.unknownChains.map(String) : [],
    metadataError: p.metadataError ?? undefined,
  };
}

/** One member's view of `provider` from its GET /scores?provider=, or the reason there is none. */
export async function memberScores(
  url: string,
  provider: Address,
  fetcher: typeof fetch = (...a) => fetch(...a),
): Promise<MemberAnswer> {
  const root = url.replace(/\/+$/, "");
  try {
    let response: Response;
    try {
      response = await fetcher(`${root}/scores?provider=${provider}`);
    } catch {
      throw new OracleError("not reachable");
    }
    if (!response.ok) throw new OracleError(`it answered ${response.status}`);
    const body: unknown = await response.json().catch(() => {
      throw new OracleError("its answer is not JSON");
    });
    return { url: root, ok: true, scores: parseScores(body, provider) };
  } catch (error) {
    if (error instanceof OracleError) return { url: root, ok: false, error: error.message };
    throw error;
  }
}

/** Every member's view, in the order /config.json lists them; one failing member fails no other. */
export function oracleScores(
  urls: readonly string[],
  provider: Address,
  fetcher?: typeof fetch,
): Promise<MemberAnswer[]> {
  return Promise.all(urls.map((url) => memberScores(url, provider, fetcher)));
}
