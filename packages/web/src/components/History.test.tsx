// The API-backed history views against a fake fetch answering as the indexer's /v1 does
// (docs/indexer.md): the real components, data source and chart component (uPlot skips drawing in
// happy-dom, which has no canvas; the table of figures under each chart is what is asserted).
import { parseAmount } from "@ankr-staking/sdk";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, within } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, test } from "vitest";

import type { RuntimeConfig } from "../config/runtime.ts";
import { apiSource } from "../data/api.ts";
import type { DataSource } from "../data/source.ts";
import { AppContext } from "../hooks/app.ts";
import { DelegatorCount, ProviderHistory, RewardHistory } from "./History.tsx";

const API = "http://127.0.0.1:42069";
const provider = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const alice = "0x90F79bf6EB2c4f867365E784d7b2D53C3bDC7A4e";
const WEEK = 604_800n;
const t = (unix: number) => ({ unix, iso: new Date(unix * 1000).toISOString() });
const wei = (ankr: string) => parseAmount(ankr).toString();

/** Routes → bodies, and every URL asked for. */
function fakeFetch(routes: Record<string, unknown>) {
  const asked: string[] = [];
  const fetcher = (async (input: RequestInfo | URL) => {
    const url = String(input);
    asked.push(url);
    const path = url.slice(API.length);
    if (path in routes) return new Response(JSON.stringify(routes[path]), { status: 200 });
    return new Response(JSON.stringify({ error: { code: "not_found", message: `no route ${path}` } }), {
      status: 404,
    });
  }) as typeof fetch;
  return { fetcher, asked };
}

function renderWith(api: DataSource["api"], node: ReactNode) {
  const source = { api, epoch: async () => ({ epochLength: WEEK }) } as unknown as DataSource;
  const queries = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={queries}>
      <AppContext.Provider value={{ config: {} as RuntimeConfig, source }}>{node}</AppContext.Provider>
    </QueryClientProvider>,
  );
}

const epochRow = (epoch: number, pool: string, scoreBps: number, reward: string) => ({
  epoch,
  scoreBps,
  poolStake: wei(pool),
  // A full week at `pool`: the epoch's rate is (reward - commission) / pool.
  stakeSeconds: (parseAmount(pool) * WEEK).toString(),
  reward: wei(reward),
  commission: "0",
  settledAt: t(1_800_000_000 + epoch * 604_800),
});

describe("provider history", () => {
  afterEach(cleanup);

  test("stake, score and net APY per settled epoch, oldest first, from /v1/providers/:address", async () => {
    const { fetcher, asked } = fakeFetch({
      // The API answers newest first.
      [`/v1/providers/${provider}?epochs=52`]: {
        delegators: 1234,
        history: [epochRow(2, "200,000", 9_000, "0"), epochRow(1, "100,000", 10_000, "100")],
      },
    });
    renderWith(
      apiSource(`${API}/`, fetcher),
      <>
        <DelegatorCount provider={provider} />
        <ProviderHistory provider={provider} />
      </>,
    );
    const stake = await screen.findByTestId("chart-stake");
    // One request serves both views.
    expect(asked).toEqual([`${API}/v1/providers/${provider}?epochs=52`]);
    expect(screen.getByTestId("delegators").textContent).toBe("1,234");
    const rows = (id: string) =>
      within(screen.getByTestId(id))
        .getAllByRole("row")
        .map((r) => r.textContent);
    expect(within(stake).getByText("Pool stake").tagName).toBe("FIGCAPTION");
    expect(rows("chart-stake")).toEqual(["Epoch 1100,000 ANKR", "Epoch 2200,000 ANKR"]);
    expect(rows("chart-score")).toEqual(["Epoch 1100%", "Epoch 290%"]);
    // 100 ANKR on 100,000 for a week, compounded weekly for a year: (1.001)^52.14 - 1.
    const apy = (1 + 0.001) ** (365 / 7) - 1;
    expect(rows("chart-apy")).toEqual([`Epoch 1${(apy * 100).toFixed(2)}%`, "Epoch 20%"]);
  });

  test("no settled epochs yet, and an API error in plain words", async () => {
    const { fetcher } = fakeFetch({
      [`/v1/providers/${provider}?epochs=52`]: { delegators: 0, history: [] },
    });
    renderWith(apiSource(API, fetcher), <ProviderHistory provider={provider} />);
    expect((await screen.findByTestId("history-empty")).textContent).toBe(
      "No settled epochs yet, so no history.",
    );
    cleanup();
    renderWith(apiSource(API, fakeFetch({}).fetcher), <ProviderHistory provider={provider} />);
    expect((await screen.findByRole("alert")).textContent).toBe(
      `no route /v1/providers/${provider}?epochs=52`,
    );
  });

  test("without an API it says history needs one", () => {
    renderWith(
      null,
      <>
        <DelegatorCount provider={provider} />
        <ProviderHistory provider={provider} />
      </>,
    );
    expect(screen.getByText("Needs the indexer's API")).toBeTruthy();
    expect(screen.getByTestId("needs-api").textContent).toBe(
      "Stake, score and APY history need the indexer's API, and this deployment names none (no apiUrl in /config.json).",
    );
  });
});

describe("reward history", () => {
  afterEach(cleanup);
  const item = (kind: string, amount: string, unix: number) => ({
    id: `${unix}-0`,
    kind,
    provider,
    toProvider: null,
    amount: wei(amount),
    txHash: `0x${"ab".repeat(32)}`,
    logIndex: 0,
    blockNumber: unix,
    time: t(unix),
  });

  test("claims and restakes as a running total across pages, and the CSV link", async () => {
    const base = `/v1/delegators/${alice}/history?limit=500`;
    const { fetcher, asked } = fakeFetch({
      [base]: {
        items: [item("restake", "2.5", 1_800_000_300), item("delegate", "5,000", 1_800_000_200)],
        nextCursor: "c 1",
      },
      [`${base}&cursor=c%201`]: { items: [item("claim", "10", 1_800_000_100)], nextCursor: null },
    });
    renderWith(apiSource(API, fetcher), <RewardHistory account={alice} />);
    const chart = await screen.findByTestId("chart-rewards");
    expect(asked).toEqual([`${API}${base}`, `${API}${base}&cursor=c%201`]);
    expect(chart.querySelector("figcaption")?.textContent).toBe(
      "Rewards claimed and restaked, total 12.5 ANKR",
    );
    expect(
      within(chart)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    ).toEqual(["10 ANKR", "12.5 ANKR"]);
    const csv = screen.getByTestId("history-csv");
    expect(csv.getAttribute("href")).toBe(`${API}/v1/delegators/${alice}/history.csv`);
    expect(csv.hasAttribute("download")).toBe(true);
  });

  test("nothing taken yet keeps the CSV link; an unreachable API is named", async () => {
    const { fetcher } = fakeFetch({
      [`/v1/delegators/${alice}/history?limit=500`]: { items: [], nextCursor: null },
    });
    renderWith(apiSource(API, fetcher), <RewardHistory account={alice} />);
    await screen.findByTestId("rewards-empty");
    expect(screen.getByTestId("history-csv")).toBeTruthy();
    cleanup();
    const down = (async () => {
      throw new TypeError("fetch failed");
    }) as typeof fetch;
    renderWith(apiSource(API, down), <RewardHistory account={alice} />);
    expect((await screen.findByRole("alert")).textContent).toBe(
      `The indexer's API at ${API} is not reachable.`,
    );
  });

  test("without an API it says so", () => {
    renderWith(null, <RewardHistory account={alice} />);
    expect(screen.getByTestId("needs-api").textContent).toMatch(
      /^Reward history and the CSV export need the indexer's API/,
    );
  });
});
