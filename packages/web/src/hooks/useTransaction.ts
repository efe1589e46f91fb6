// Runs one SDK write with the connected wallet and tracks it: waiting for the wallet, sent,
// confirmed, or failed in plain words. Every chain query is refreshed afterwards.
import type { StakingClientBase, TransactionResult, WriteOptions } from "@ankr-staking/sdk";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { type Hash, walletActions } from "viem";
import { useConfig } from "wagmi";
import { getConnectorClient } from "wagmi/actions";

import { plainError } from "../lib/errors.ts";
import { useApp } from "./app.ts";

export type TransactionState =
  | { stage: "idle" }
  | { stage: "wallet"; label: string }
  | { stage: "sent"; label: string; hash: Hash }
  | { stage: "done"; label: string; result: TransactionResult }
  | { stage: "error"; label: string; message: string };

export type Write = (client: StakingClientBase, options: WriteOptions) => Promise<TransactionResult>;

export function useTransaction() {
  const wagmi = useConfig();
  const { source } = useApp();
  const queries = useQueryClient();
  const [state, setState] = useState<TransactionState>({ stage: "idle" });

  const run = useCallback(
    async (label: string, write: Write): Promise<TransactionResult | undefined> => {
      setState({ stage: "wallet", label });
      try {
        const wallet = await getConnectorClient(wagmi, { chainId: source.client.chain.id });
        const client = {
          deployment: source.client.deployment,
          chain: source.client.chain,
          publicClient: source.client.publicClient,
          format: source.client.format,
          walletClient: wallet.extend(walletActions),
          account: wallet.account,
        } as unknown as StakingClientBase;
        const result = await write(client, {
          onProgress: ({ stage, hash }) => {
            if (stage === "sent") setState({ stage: "sent", label, hash });
          },
        });
        setState({ stage: "done", label, result });
        return result;
      } catch (error) {
        setState({ stage: "error", label, message: plainError(error) });
        return undefined;
      } finally {
        await queries.invalidateQueries({ queryKey: ["chain"] });
      }
    },
    [wagmi, source, queries],
  );

  const reset = useCallback(() => setState({ stage: "idle" }), []);
  return { state, run, reset, busy: state.stage === "wallet" || state.stage === "sent" };
}
