// Wires one member together from a Config: clients, store, service, HTTP API.
import type { Server } from "node:http";
import { createStakingClient } from "@ankr-staking/sdk";
import { HostLimiter } from "@ankr-staking/sdk/node";
import { createPublicClient, http } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { stakingAbi } from "./abi.ts";
import { readDeployment } from "./chain.ts";
import type { Config } from "./config.ts";
import { startHttp } from "./http/server.ts";
import { createMetrics } from "./metrics.ts";
import { DEFAULT_SCORING } from "./scoring/score.ts";
import { OracleService } from "./service.ts";
import { Store } from "./store.ts";

export interface Member {
  service: OracleService;
  server: Server;
  port: number;
  stop(): Promise<void>;
}

export interface MemberOptions {
  /** Start the tick loop (default true); tests tick by hand. */
  loop?: boolean;
  /** How long a metadata document is reused (default 10 minutes). */
  metadataTtlMs?: number;
}

export async function startMember(config: Config, options: MemberOptions = {}): Promise<Member> {
  const reader = createPublicClient({ transport: http(config.rpcUrl) });
  const deployment = await readDeployment(reader, config.staking, config.committee);
  // The SDK's client: submitReport and getReportStatus are its actions, one way in for every tool.
  const sdk = createStakingClient({
    deployment,
    rpcUrl: config.rpcUrl,
    account: privateKeyToAccount(config.privateKey),
    pollingInterval: 500,
  });
  const store = await Store.open(config.db);
  const metrics = createMetrics();
  const service = new OracleService({
    sdk,
    staking: { address: config.staking, abi: stakingAbi },
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
    metadataTtlMs: options.metadataTtlMs ?? 10 * 60_000,
    roundTimeoutMs: config.roundTimeoutMs ?? 3 * config.timeoutMs,
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
