// useTransaction and a query hook with the app's real wagmi config (the devnet connector, which
// signs in the page) and data source. The writes here are the hook's input, not a chain: they report
// progress and resolve or fail as an SDK write would, so the hook's stages, plain-words errors and
// the refresh of every chain query are what is checked. The RPC URL is a closed loopback port.
import { parseDeployment, type TransactionResult } from "@ankr-staking/sdk";
import { QueryClient, QueryClientProvider, useQuery } from "@tanstack/react-query";
import { act, cleanup, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { UserRejectedRequestError } from "viem";
import { afterEach, describe, expect, test } from "vitest";
import { WagmiProvider } from "wagmi";
import { connect } from "wagmi/actions";

import type { RuntimeConfig } from "../config/runtime.ts";
import { createWagmiConfig } from "../config/wagmi.ts";
import { createDataSource } from "../data/source.ts";
import { AppContext } from "./app.ts";
import { useChainTime } from "./queries.ts";
import { useTransaction } from "./useTransaction.ts";

const config: RuntimeConfig = {
  rpcUrl: "http://127.0.0.1:9",
  apiUrl: null,
  oracleUrls: [],
  deployment: parseDeployment({
    chainId: 31_337,
    token: "0x5FbDB2315678afecb367f032d93F642f64180aa3",
    rewardVault: "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512",
    staking: "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0",
    stakingImplementation: "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9",
    startBlock: 0,
  }),
  devnetAccounts: [
    {
      label: "Alice",
      address: "0x90F79bf6EB2c4f870365E785982E1f101E93b906",
      key: "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
    },
  ],
};
const HASH = `0x${"ab".repeat(32)}` as const;

function setup() {
  const wagmi = createWagmiConfig(config);
  const queries = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <AppContext.Provider value={{ config, source: createDataSource(config) }}>
      <WagmiProvider config={wagmi}>
        <QueryClientProvider client={queries}>{children}</QueryClientProvider>
      </WagmiProvider>
    </AppContext.Provider>
  );
  const connectAlice = () => {
    const connector = wagmi.connectors.find((c) => c.name === "Devnet: Alice");
    if (!connector) throw new Error("no devnet connector");
    return connect(wagmi, { connector });
  };
  return { wrapper, queries, connectAlice };
}

describe("useTransaction", () => {
  afterEach(() => {
    cleanup();
    localStorage.clear();
  });

  test("sent, then confirmed; busy meanwhile; every chain query refreshed afterwards", async () => {
    const { wrapper, queries, connectAlice } = setup();
    await connectAlice();
    let chainFetches = 0;
    queries.setQueryDefaults(["chain", "probe"], {
      queryFn: async () => ++chainFetches,
    });
    const { result } = renderHook(
      () => ({ tx: useTransaction(), probe: useQuery({ queryKey: ["chain", "probe"] }) }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.probe.data).toBe(1));

    let release: (r: TransactionResult) => void = () => undefined;
    let account: string | undefined;
    let done: Promise<TransactionResult | undefined> = Promise.resolve(undefined);
    act(() => {
      done = result.current.tx.run("Stake", (client, options) => {
        account = client.account?.address;
        options.onProgress?.({ stage: "sent", hash: HASH } as never);
        return new Promise((resolve) => {
          release = resolve;
        });
      });
    });
    await waitFor(() => expect(result.current.tx.state.stage).toBe("sent"));
    expect(result.current.tx.busy).toBe(true);
    expect(account).toBe(config.devnetAccounts[0]?.address);
    const receipt = { hash: HASH } as unknown as TransactionResult;
    await act(async () => {
      release(receipt);
      expect(await done).toBe(receipt);
    });
    expect(result.current.tx.state).toEqual({ stage: "done", label: "Stake", result: receipt });
    expect(result.current.tx.busy).toBe(false);
    await waitFor(() => expect(result.current.probe.data).toBe(2));
    act(() => result.current.tx.reset());
    expect(result.current.tx.state).toEqual({ stage: "idle" });
  });

  test("a rejection in the wallet and a missing wallet, in plain words", async () => {
    const { wrapper, connectAlice } = setup();
    const { result } = renderHook(() => useTransaction(), { wrapper });
    await act(async () => {
      expect(await result.current.run("Claim", async () => ({}) as TransactionResult)).toBeUndefined();
    });
    expect(result.current.state).toMatchObject({ stage: "error", label: "Claim" });

    await connectAlice();
    await act(async () => {
      await result.current.run("Claim", async () => {
        throw new UserRejectedRequestError(new Error("User rejected the request."));
      });
    });
    expect(result.current.state).toEqual({
      stage: "error",
      label: "Claim",
      message: "You rejected the request in your wallet. Nothing was sent.",
    });
  });
});

describe("query hooks", () => {
  afterEach(cleanup);

  test("useChainTime reports an unreachable RPC as an error, not data", async () => {
    const { wrapper } = setup();
    const { result } = renderHook(() => useChainTime(), { wrapper });
    await waitFor(() => expect(result.current.isError).toBe(true), { timeout: 10_000 });
    expect(result.current.data).toBeUndefined();
  });
});
