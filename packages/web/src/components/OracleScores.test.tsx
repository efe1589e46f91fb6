// The console's oracle panel against fake members answering as packages/oracle's GET /scores does:
// per chain and endpoint, the epoch so far, unknown chains, metadata errors, a member that is down,
// and a deployment that names no oracle.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, test } from "vitest";

import type { RuntimeConfig } from "../config/runtime.ts";
import type { DataSource } from "../data/source.ts";
import { AppContext } from "../hooks/app.ts";
import OracleScores from "./OracleScores.tsx";

const provider = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const M1 = "http://127.0.0.1:42070";
const M2 = "http://127.0.0.1:42071";
const M3 = "http://127.0.0.1:42072";
const tally = (rounds: number, ok: number) => ({ rounds, ok, latencyPoints: 0, freshnessPoints: 0 });

const scores = (member: string, extra: object) => ({
  epoch: 7,
  member,
  providers: [
    { address: "0x0000000000000000000000000000000000000001", score: 1, chains: {} },
    {
      address: provider.toLowerCase(),
      name: "Acme RPC",
      metadataURI: "data:…",
      metadataError: null,
      unknownChains: ["not-a-chain"],
      score: 7_500,
      chains: {
        solana: {
          score: 5_000,
          endpoints: [
            {
              url: "https://sol.acme.example",
              tally: tally(4, 2),
              samples: [
                { at: 2, ok: false, error: "TimeoutError: no answer in 1000 ms" },
                { at: 1, ok: true },
              ],
            },
          ],
        },
        ethereum: {
          score: 10_000,
          endpoints: [
            {
              url: "https://eth-1.acme.example",
              tally: tally(4, 4),
              samples: [{ at: 2, ok: true, latencyMs: 41.6 }],
            },
            { url: "https://eth-2.acme.example", tally: tally(0, 0), samples: [] },
          ],
        },
      },
      ...extra,
    },
  ],
});

function fakeFetch(routes: Record<string, unknown>) {
  const asked: string[] = [];
  const fetcher = (async (input: RequestInfo | URL) => {
    const url = String(input);
    asked.push(url);
    const root = url.slice(0, url.indexOf("/scores"));
    if (!(root in routes)) throw new TypeError("fetch failed");
    return new Response(JSON.stringify(routes[root]), { status: 200 });
  }) as typeof fetch;
  return { fetcher, asked };
}

function renderWith(oracleUrls: string[], fetcher: typeof fetch) {
  const queries = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const config = { oracleUrls } as RuntimeConfig;
  return render(
    <QueryClientProvider client={queries}>
      <AppContext.Provider value={{ config, source: {} as DataSource }}>
        <OracleScores provider={provider} fetcher={fetcher} />
      </AppContext.Provider>
    </QueryClientProvider>,
  );
}

describe("oracle scores panel", () => {
  afterEach(cleanup);

  test("each member's scores per chain and endpoint; a member down is named, the others shown", async () => {
    const { fetcher, asked } = fakeFetch({
      [M1]: scores("0x90F79bf6EB2c4f870365E785982E1f101E93b906", {}),
      [M2]: scores("0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65", {
        metadataError: "metadata could not be fetched: 404",
        score: 0,
        chains: {},
        unknownChains: [],
      }),
    });
    renderWith([M1, `${M2}/`, M3], fetcher);
    const members = await screen.findAllByTestId("oracle-member");
    expect(asked.sort()).toEqual([M1, M2, M3].map((m) => `${m}/scores?provider=${provider}`));
    expect(members).toHaveLength(3);

    const first = within(members[0] as HTMLElement);
    expect(first.getByRole("heading").textContent).toBe(`Member 0x90F7…b906 ${M1}`);
    expect(first.getByTestId("oracle-score").textContent).toBe("75%");
    expect(first.getByText(/^Epoch 7 so far/)).toBeTruthy();
    expect(first.getByTestId("oracle-unknown-chains").textContent).toBe(
      "Not measured (not in this member's chain registry): not-a-chain",
    );
    // Chains in name order, each endpoint its own row with its tally and newest probe.
    expect(
      first
        .getAllByRole("row")
        .slice(1)
        .map((r) => [...r.children].map((c) => c.textContent)),
    ).toEqual([
      ["Ethereum", "100%", "https://eth-1.acme.example", "4 of 4", "OK, 42 ms"],
      ["https://eth-2.acme.example", "0 of 0", "Not probed yet"],
      ["Solana", "50%", "https://sol.acme.example", "2 of 4", "Failed: TimeoutError: no answer in 1000 ms"],
    ]);

    const second = within(members[1] as HTMLElement);
    expect(second.getByTestId("oracle-metadata-error").textContent).toBe(
      "This member ignores your metadata, so you score 0: metadata could not be fetched: 404",
    );
    expect(second.queryByTestId("oracle-chains")).toBeNull();
    expect(members[2]?.textContent).toContain(`The member at ${M3} gave no scores: not reachable.`);
    expect(screen.queryByRole("alert")).toBeNull();
  });

  test("a member that does not measure the provider, malformed answers, and nobody answering", async () => {
    const { fetcher } = fakeFetch({ [M1]: { epoch: 7, member: "0x1", providers: [] }, [M2]: { hello: 1 } });
    renderWith([M1, M2, M3], fetcher);
    const members = await screen.findAllByTestId("oracle-member");
    expect(members[0]?.textContent).toContain("This member does not measure you yet");
    expect(members[1]?.textContent).toContain("gave no scores: its /scores answer is not a scores document.");
    expect(screen.queryByRole("alert")).toBeNull();
    cleanup();
    renderWith([M3], fakeFetch({}).fetcher);
    expect((await screen.findByRole("alert")).textContent).toBe(
      "No oracle member answered, so scores per chain cannot be shown right now.",
    );
  });

  test("without oracle members in /config.json it says so and asks nobody", () => {
    const { fetcher, asked } = fakeFetch({});
    renderWith([], fetcher);
    expect(screen.getByTestId("oracle-none").textContent).toMatch(/^This deployment names no oracle members/);
    expect(asked).toEqual([]);
  });
});
