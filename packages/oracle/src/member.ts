// Wires one member together from a Config: clients, store, service, HTTP API.
import type { Server } from "node:http";
import { createPublicClient, createWalletClient, defineChain, http, type PublicClient } from "viem";
import { privateKeyToAccount } from "viem/accounts";

import { committeeAbi, stakingAbi } from "./abi.ts";
import type { Config } from "./config.ts";
import { startHttp } from "./http/server.ts";
import { createMetrics } from "./metrics.ts";
import { HostLimiter } from "./net/limiter.ts";
import { DEFAULT_SCORING } from "./scoring/score.ts";
import { OracleService } from "./service.ts";
import { Store } from "./store.ts";

export interface Member {
  service: OracleService;
  server: Server;
  port: number;
  stop(): Promise<void>;
}

export async function startMember(config: Config, options: { loop?: boolean } = {}): Promise<Member> {
  const probeClient = createPublicClient({ transport: http(config.rpcUrl) });
  const chainId = await probeClient.getChainId();
  const chain = defineChain({
    id: chainId,
    name: `chain-${chainId}`,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [config.rpcUrl] } },
  });
  const client = createPublicClient({ chain, transport: http(config.rpcUrl) }) as PublicClient;
  const wallet = createWalletClient({
    chain,
    transport: http(config.rpcUrl),
    account: privateKeyToAccount(config.privateKey),
  });
  const store = await Store.open(config.db);
  const metrics = createMetrics();
  const service = new OracleService({
    client,
    wallet,
    staking: { address: config.staking, abi: stakingAbi },
    committee: { address: config.committee, abi: committeeAbi },
    store,
    metrics,
    limits: {
      timeoutMs: config.timeoutMs,
      maxBytes: config.maxBytes,
      policy: { allow: config.allow },
      limiter: new HostLimiter(config.perHost),
    },
    ipfsGateway: config.ipfsGateway,
    allowHttpMetadata: config.allow.length > 0,
    scoring: DEFAULT_SCORING,
    extraChains: config.extraChains,
    metadataTtlMs: 10 * 60_000,
    retryBaseMs: 5000,
  });
  const { server, port } = await startHttp(service, metrics, config.host, config.port);
  if (options.loop !== false) service.start(config.probeIntervalMs);
  return {
    service,
    server,
    port,
    async stop() {
      await service.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      store.close();
    },
  };
}
