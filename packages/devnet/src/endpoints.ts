// The providers' RPC endpoints: real local nodes the oracle members can measure. EVM chains are
// extra anvil instances answering with the real chain ids; other families are the oracle's fake
// servers (in this process) with heads that advance like the chains' do. One provider is worse on
// purpose: its Ethereum endpoint lags behind and its Solana endpoint is slow and behind.

import { type FakeEndpoint, startFake } from "@ankr-staking/oracle/testing/fakes";
import { chainRegistry } from "@ankr-staking/sdk";
import { createPublicClient, http } from "viem";

import { type AnvilChain, startAnvil } from "./anvil.ts";
import { freePort } from "./ports.ts";
import type { Processes } from "./processes.ts";

/** Chain id of the devnet's own chain in the members' registry (ORACLE_EXTRA_CHAINS). */
export const DEVNET_CHAIN = {
  id: "devnet",
  name: "Devnet",
  family: "evm",
  identity: "0x7a69",
  maxLag: 5,
} as const;

export interface Endpoints {
  /** Chain id of the registry -> endpoints, by quality. */
  good: Record<string, string>;
  /** The visibly worse endpoints. */
  bad: Record<string, string>;
  anvils: AnvilChain[];
  fakes: { chain: string; url: string; note: string }[];
  close(): Promise<void>;
}

const identity = (chain: string): string => {
  const entry = chainRegistry().get(chain);
  if (!entry) throw new Error(`chain ${chain} is not in the oracle's registry`);
  return entry.identity;
};

/** A head that grows with wall-clock time, like a live chain's. */
const ticking = (start: number, msPerBlock: number) => {
  const t0 = Date.now();
  return () => start + Math.floor((Date.now() - t0) / msPerBlock);
};

export async function startEndpoints(
  processes: Processes,
  { devnetUrl, logDir }: { devnetUrl: string; logDir: string },
): Promise<Endpoints> {
  const anvils = [
    await startAnvil(processes, {
      name: "ethereum",
      port: await freePort(),
      chainId: 1,
      blockTime: 1,
      logDir,
    }),
    await startAnvil(processes, {
      name: "polygon",
      port: await freePort(),
      chainId: 137,
      blockTime: 1,
      logDir,
    }),
  ];
  const [ethereum, polygon] = anvils as [AnvilChain, AnvilChain];

  // The lagging Ethereum endpoint follows the real local Ethereum anvil, 12 blocks behind.
  let ethereumHead = 0;
  const ethereumClient = createPublicClient({ transport: http(ethereum.url) });
  const follow = setInterval(() => {
    ethereumClient.getBlockNumber().then(
      (n) => {
        ethereumHead = Number(n);
      },
      () => undefined,
    );
  }, 1000);

  const solanaHead = ticking(280_000_000, 400);
  const fakes: { chain: string; note: string; fake: FakeEndpoint }[] = [
    {
      chain: "solana",
      note: "healthy",
      fake: await startFake({ family: "solana", identity: identity("solana"), head: solanaHead }),
    },
    {
      chain: "near",
      note: "healthy",
      fake: await startFake({ family: "near", identity: identity("near"), head: ticking(120_000_000, 1000) }),
    },
    {
      chain: "bitcoin",
      note: "healthy",
      fake: await startFake({
        family: "bitcoin",
        identity: identity("bitcoin"),
        head: ticking(870_000, 600_000),
      }),
    },
    {
      chain: "solana",
      note: "slow (1.5 s) and 400 slots behind",
      fake: await startFake({
        family: "solana",
        identity: identity("solana"),
        head: () => solanaHead() - 400,
        mode: "slow",
        delayMs: 1500,
      }),
    },
    {
      chain: "ethereum",
      note: "12 blocks behind",
      fake: await startFake({
        family: "evm",
        identity: identity("ethereum"),
        head: () => Math.max(0, ethereumHead - 12),
      }),
    },
  ];
  const url = (chain: string, note: string) =>
    fakes.find((f) => f.chain === chain && (note === "healthy") === (f.note === "healthy"))?.fake.url ?? "";
  return {
    good: {
      devnet: devnetUrl,
      ethereum: ethereum.url,
      polygon: polygon.url,
      solana: url("solana", "healthy"),
      near: url("near", "healthy"),
      bitcoin: url("bitcoin", "healthy"),
    },
    bad: { ethereum: url("ethereum", "bad"), solana: url("solana", "bad") },
    anvils,
    fakes: fakes.map(({ chain, note, fake }) => ({ chain, note, url: fake.url })),
    async close() {
      clearInterval(follow);
      await Promise.all(fakes.map(({ fake }) => fake.close()));
    },
  };
}
