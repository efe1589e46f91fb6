// History views backed by the indexer's API: a provider's stake, score and APY per settled epoch,
// and an account's rewards over time with the CSV export. Without an API they say so.
import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense } from "react";
import type { Address } from "viem";

import { useApp } from "../hooks/app.ts";
import { useEpoch } from "../hooks/queries.ts";
import { plainError } from "../lib/errors.ts";
import { ankr, percent } from "../lib/format.ts";

const HistoryChart = lazy(() => import("./HistoryChart.tsx"));

const WEI_PER_ANKR = 10n ** 18n;
/** Wei as a float number of ANKR, for plotting only (figures shown as text use `ankr`). */
const toAnkr = (wei: bigint) => Number(wei / 10n ** 14n) / 10_000;
const ankrAxis = (v: number) => ankr(BigInt(Math.round(v * 10_000)) * (WEI_PER_ANKR / 10_000n));
const scoreAxis = (v: number) => percent(v / 10_000);
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
const percentAxis = (v: number) => `${compact.format(v * 100)}%`;

export function NeedsApi({ what }: { what: string }) {
  return (
    <p className="muted" data-testid="needs-api">
      {what} need the indexer's API, and this deployment names none (no <code>apiUrl</code> in /config.json).
    </p>
  );
}

/** The provider's API view (delegators, history): one request shared by the page's views. */
function useProviderDetail(provider: Address) {
  const { source } = useApp();
  const epoch = useEpoch();
  const api = source.api;
  const detail = useQuery({
    queryKey: ["api", "provider", provider],
    queryFn: () => (api as NonNullable<typeof api>).provider(provider, epoch.data?.epochLength ?? 0n),
    enabled: !!api && !!epoch.data,
  });
  return { api, detail };
}

/** How many accounts delegate to the provider now (the indexer counts them; the chain cannot cheaply). */
export function DelegatorCount({ provider }: { provider: Address }) {
  const { api, detail } = useProviderDetail(provider);
  if (!api) return <span className="muted">Needs the indexer's API</span>;
  if (detail.error) return <span className="muted">Not available: {plainError(detail.error)}</span>;
  if (!detail.data) return <span className="muted">Loading…</span>;
  return <span data-testid="delegators">{detail.data.delegators.toLocaleString("en-US")}</span>;
}

export function ProviderHistory({ provider }: { provider: Address }) {
  const { api, detail } = useProviderDetail(provider);
  if (!api) return <NeedsApi what="Stake, score and APY history" />;
  if (detail.error) return <p role="alert">{plainError(detail.error)}</p>;
  if (!detail.data) return <p role="status">Loading history…</p>;
  const points = detail.data.history;
  if (points.length === 0) return <p data-testid="history-empty">No settled epochs yet, so no history.</p>;
  const times = points.map((p) => p.time);
  const label = (i: number) => `Epoch ${points[i]?.epoch}`;
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">History per settled epoch</h2>
      <Suspense fallback={<p role="status">Loading charts…</p>}>
        <div className="charts">
          <HistoryChart
            title="Pool stake"
            testId="chart-stake"
            times={times}
            values={points.map((p) => toAnkr(p.stake))}
            format={ankrAxis}
            label={label}
          />
          <HistoryChart
            title="Score"
            testId="chart-score"
            times={times}
            values={points.map((p) => p.scoreBps)}
            format={scoreAxis}
            axis={scoreAxis}
            label={label}
          />
          <HistoryChart
            title="Net APY"
            testId="chart-apy"
            times={times}
            values={points.map((p) => p.apy)}
            format={percent}
            axis={percentAxis}
            label={label}
          />
        </div>
      </Suspense>
    </section>
  );
}

export function RewardHistory({ account }: { account: Address }) {
  const { source } = useApp();
  const api = source.api;
  const history = useQuery({
    queryKey: ["api", "reward-history", account],
    queryFn: () => (api as NonNullable<typeof api>).rewardHistory(account),
    enabled: !!api,
  });
  if (!api) return <NeedsApi what="Reward history and the CSV export" />;
  const csv = (
    <p>
      <a href={api.historyCsvUrl(account)} download data-testid="history-csv">
        Download your full history (CSV)
      </a>
    </p>
  );
  if (history.error)
    return (
      <>
        <p role="alert">{plainError(history.error)}</p>
        {csv}
      </>
    );
  if (!history.data) return <p role="status">Loading reward history…</p>;
  const points = history.data;
  return (
    <section aria-labelledby="rewards-title">
      <h2 id="rewards-title">Rewards taken</h2>
      {points.length === 0 ? (
        <p data-testid="rewards-empty">No rewards claimed or restaked yet.</p>
      ) : (
        <Suspense fallback={<p role="status">Loading chart…</p>}>
          <HistoryChart
            title={`Rewards claimed and restaked, total ${ankr(points.at(-1)?.total ?? 0n)}`}
            testId="chart-rewards"
            times={points.map((p) => p.time)}
            values={points.map((p) => toAnkr(p.total))}
            format={ankrAxis}
          />
        </Suspense>
      )}
      {csv}
    </section>
  );
}
