// The indexer's REST API (`/v1`, docs/indexer.md): the views the chain cannot serve cheaply, per-epoch
// provider history and an account's reward history. Composed over the chain source in
// `createDataSource` when /config.json names an `apiUrl`.
import { yieldFromSettlements } from "@ankr-staking/sdk";
import type { Address } from "viem";

/** One settled epoch of a provider, ready to plot. */
export type ProviderEpochPoint = {
  epoch: number;
  /** Settlement time, unix seconds. */
  time: number;
  /** The pool's stake at settlement, wei. */
  stake: bigint;
  scoreBps: number;
  /** Net APY delegators earned in that epoch alone (0.12 = 12%), the SDK's yield math. */
  apy: number;
};

/** Rewards an account took (claimed or restaked), one point per action, running total. */
export type RewardPoint = { time: number; kind: "claim" | "restake"; amount: bigint; total: bigint };

/** A provider as the API knows it: how many accounts delegate to it, and its settled epochs. */
export type ProviderDetail = { delegators: number; history: ProviderEpochPoint[] };

export type ApiSource = {
  provider(provider: Address, epochLength: bigint): Promise<ProviderDetail>;
  rewardHistory(account: Address): Promise<RewardPoint[]>;
  historyCsvUrl(account: Address): string;
};

type Wire = {
  provider: {
    /** Accounts with stake at the provider now. */
    delegators: number;
    history: {
      epoch: number;
      scoreBps: number;
      poolStake: string;
      stakeSeconds: string;
      reward: string;
      commission: string;
      settledAt: { unix: number };
    }[];
  };
  history: {
    items: { kind: string; amount: string; time: { unix: number } }[];
    nextCursor: string | null;
  };
};

export class ApiError extends Error {
  override name = "ApiError";
}

export function apiSource(apiUrl: string, fetcher: typeof fetch = (...a) => fetch(...a)): ApiSource {
  const root = apiUrl.replace(/\/+$/, "");
  const get = async <T>(path: string): Promise<T> => {
    let response: Response;
    try {
      response = await fetcher(`${root}${path}`);
    } catch {
      throw new ApiError(`The indexer's API at ${root} is not reachable.`);
    }
    if (!response.ok) {
      const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
      throw new ApiError(body?.error?.message ?? `The indexer's API answered ${response.status}.`);
    }
    return (await response.json()) as T;
  };
  return {
    async provider(provider, epochLength) {
      const { delegators, history } = await get<Wire["provider"]>(`/v1/providers/${provider}?epochs=52`);
      const points = history
        .map((h) => {
          const settlement = {
            reward: BigInt(h.reward),
            commission: BigInt(h.commission),
            stakeSeconds: BigInt(h.stakeSeconds),
          };
          return {
            epoch: h.epoch,
            time: h.settledAt.unix,
            stake: BigInt(h.poolStake),
            scoreBps: h.scoreBps,
            apy: yieldFromSettlements([settlement], epochLength).apy,
          };
        })
        .sort((a, b) => a.epoch - b.epoch);
      return { delegators, history: points };
    },
    async rewardHistory(account) {
      const items: Wire["history"]["items"] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
        const page: Wire["history"] = await get(`/v1/delegators/${account}/history?limit=500${query}`);
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      let total = 0n;
      return items
        .filter((i) => i.kind === "claim" || i.kind === "restake")
        .sort((a, b) => a.time.unix - b.time.unix)
        .map((i) => {
          const amount = BigInt(i.amount);
          total += amount;
          return { time: i.time.unix, kind: i.kind as RewardPoint["kind"], amount, total };
        });
    },
    historyCsvUrl: (account) => `${root}/v1/delegators/${account}/history.csv`,
  };
}
