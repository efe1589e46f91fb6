// TanStack Query hooks over the data source. Keys start with "chain" so one invalidation after a
// write refreshes every view.
import { useQuery } from "@tanstack/react-query";
import type { Address } from "viem";

import { useApp } from "./app.ts";

const POLL_MS = 4000;

export function useProviders() {
  const { source } = useApp();
  return useQuery({ queryKey: ["chain", "providers"], queryFn: () => source.providers() });
}

export function useProvider(address: Address) {
  const { source } = useApp();
  return useQuery({ queryKey: ["chain", "provider", address], queryFn: () => source.provider(address) });
}

export function useParameters() {
  const { source } = useApp();
  return useQuery({
    queryKey: ["chain", "parameters"],
    queryFn: () => source.parameters(),
    staleTime: 60_000,
  });
}

export function useEpoch() {
  const { source } = useApp();
  return useQuery({ queryKey: ["chain", "epoch"], queryFn: () => source.epoch() });
}

export function useAccountInfo(account: Address | undefined) {
  const { source } = useApp();
  return useQuery({
    queryKey: ["chain", "account", account],
    queryFn: () => source.account(account as Address),
    enabled: !!account,
  });
}

export function useCapacity(provider: Address, account: Address | undefined) {
  const { source } = useApp();
  return useQuery({
    queryKey: ["chain", "capacity", provider, account],
    queryFn: () => source.capacity(provider, account as Address),
    enabled: !!account,
  });
}

/** Positions with live pending rewards (polled). */
export function usePositions(delegator: Address | undefined) {
  const { source } = useApp();
  return useQuery({
    queryKey: ["chain", "positions", delegator],
    queryFn: () => source.positions(delegator as Address),
    enabled: !!delegator,
    refetchInterval: POLL_MS,
  });
}

/** The latest block's time: countdowns run on chain time, which a devnet can move. */
export function useChainTime() {
  const { source } = useApp();
  return useQuery({
    queryKey: ["chain", "time"],
    queryFn: () => source.chainTime(),
    refetchInterval: POLL_MS,
  });
}
