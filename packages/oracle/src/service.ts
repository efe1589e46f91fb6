// One committee member: each tick reads the scored providers and their metadata, probes every
// declared endpoint once (a round), adds the round to the current epoch's tallies, and once an
// epoch has ended and is the next to settle, sends this member's report for it once.

import type { ChainEntry, ProviderMetadata } from "@ankr-staking/sdk";
import { chainRegistry, packScores, reportListHash } from "@ankr-staking/sdk";
import type { Account, Address, Chain, Hex, PublicClient, Transport, WalletClient } from "viem";
import { type EpochClock, readClock, readScoredProviders, type StakingTarget } from "./chain.ts";
import { BaseError } from "./errors.ts";
import { fetchMetadata, type MetadataOptions } from "./metadata/fetch.ts";
import type { Metrics } from "./metrics.ts";
import type { RequestLimits } from "./net/request.ts";
import { PROBES } from "./probes/families.ts";
import { providerScore, type Sample, type ScoringConfig, scoreRound } from "./scoring/score.ts";
import type { Store } from "./store.ts";

import { type CommitteeTarget, hasReported, sendReport } from "./submit.ts";

export interface ServiceOptions {
  client: PublicClient;
  wallet: WalletClient<Transport, Chain, Account>;
  staking: StakingTarget;
  committee: CommitteeTarget;
  store: Store;
  metrics: Metrics;
  limits: RequestLimits;
  ipfsGateway: string;
  allowHttpMetadata: boolean;
  scoring: ScoringConfig;
  /** Chains added to (or replacing) the registry's, e.g. devnet chains. */
  extraChains?: readonly ChainEntry[];
  /** Re-read a provider's metadata document after this long. */
  metadataTtlMs: number;
  /** First retry delay after a failed submission; doubles up to 32x. */
  retryBaseMs: number;
}

export interface ProviderState {
  address: Address;
  metadataURI: string;
  metadata?: ProviderMetadata;
  /** Why the metadata was ignored, if it was. */
  metadataError?: string;
  /** Declared chains the registry does not know (ignored). */
  unknownChains: string[];
  /** Declared chain id -> endpoints, registry chains only. */
  declared: Map<string, string[]>;
  fetchedAt: number;
}

export class OracleService {
  readonly registry: ReadonlyMap<string, ChainEntry>;
  readonly providers = new Map<Address, ProviderState>();
  clock: EpochClock | undefined;
  lastRoundAt: number | undefined;
  lastError: string | undefined;
  private retryAt = 0;
  private failures = 0;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(readonly options: ServiceOptions) {
    this.registry = chainRegistry(options.extraChains);
  }

  get member(): Address {
    return this.options.wallet.account.address;
  }

  /** One round and, when due, this member's report. Never throws: errors go to `lastError`. */
  async tick(): Promise<void> {
    try {
      this.clock = await readClock(this.options.client, this.options.staking);
      const scored = await readScoredProviders(this.options.client, this.options.staking);
      await this.refreshMetadata(scored);
      if (this.clock.now >= this.clock.genesis) await this.round(this.clock.current);
      await this.report(scored.map((p) => p.address));
      this.lastError = undefined;
    } catch (error) {
      this.lastError = error instanceof BaseError ? error.shortMessage : (error as Error).message;
    }
  }

  /** Runs `tick` every `intervalMs` until `stop`. */
  start(intervalMs: number): void {
    const loop = async () => {
      this.running = this.tick();
      await this.running;
      this.timer = setTimeout(loop, intervalMs);
    };
    void loop();
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private async refreshMetadata(scored: readonly { address: Address; metadataURI: string }[]): Promise<void> {
    const now = Date.now();
    const current = new Set(scored.map((p) => p.address));
    for (const address of this.providers.keys()) if (!current.has(address)) this.providers.delete(address);
    const options: MetadataOptions = {
      ipfsGateway: this.options.ipfsGateway,
      limits: this.options.limits,
      allowHttp: this.options.allowHttpMetadata,
    };
    await Promise.all(
      scored.map(async ({ address, metadataURI }) => {
        const known = this.providers.get(address);
        if (
          known &&
          known.metadataURI === metadataURI &&
          now - known.fetchedAt < this.options.metadataTtlMs
        ) {
          return;
        }
        const state: ProviderState = {
          address,
          metadataURI,
          unknownChains: [],
          declared: new Map(),
          fetchedAt: now,
        };
        try {
          state.metadata = await fetchMetadata(metadataURI, options);
          for (const chain of state.metadata.chains ?? []) {
            if (this.registry.has(chain.id)) state.declared.set(chain.id, chain.endpoints);
            else state.unknownChains.push(chain.id);
          }
        } catch (error) {
          state.metadataError = error instanceof BaseError ? error.message : String(error);
        }
        this.providers.set(address, state);
      }),
    );
    this.options.metrics.invalidMetadata.set(
      [...this.providers.values()].filter((p) => p.metadataError).length,
    );
  }

  /** Probes every declared endpoint once, concurrently, and records the round under `epoch`. */
  private async round(epoch: number): Promise<void> {
    const jobs: Promise<Sample>[] = [];
    for (const p of this.providers.values()) {
      for (const [chainId, endpoints] of p.declared) {
        const chain = this.registry.get(chainId) as ChainEntry;
        for (const endpoint of endpoints) jobs.push(this.probe(p.address, chain, endpoint));
      }
    }
    const samples = await Promise.all(jobs);
    const scored = scoreRound(samples, (c) => this.registry.get(c)?.maxLag ?? 1, this.options.scoring);
    this.options.store.recordRound(epoch, scored, this.clock?.now ?? 0);
    this.lastRoundAt = Date.now();
    this.options.metrics.rounds.inc();
    this.options.metrics.epoch.set(epoch);
    for (const [address, score] of this.scores(epoch))
      this.options.metrics.score.set({ provider: address }, score);
  }

  private async probe(provider: Address, chain: ChainEntry, endpoint: string): Promise<Sample> {
    const base = { provider, chain: chain.id, endpoint };
    try {
      const result = await PROBES[chain.family](endpoint, chain, this.options.limits);
      this.options.metrics.probes.inc({ chain: chain.id, result: "ok" });
      this.options.metrics.latency.observe({ chain: chain.id }, result.latencyMs / 1000);
      return { ...base, ok: true, head: result.head, latencyMs: result.latencyMs };
    } catch (error) {
      const kind = error instanceof Error ? error.name : "Error";
      this.options.metrics.probes.inc({ chain: chain.id, result: kind });
      return { ...base, ok: false, error: `${kind}: ${(error as Error).message}`.slice(0, 300) };
    }
  }

  /** Every scored provider's score for `epoch` from the stored tallies (0 without valid metadata). */
  scores(epoch: number): Map<Address, number> {
    const out = new Map<Address, number>();
    for (const p of this.providers.values()) out.set(p.address, this.scoreOf(epoch, p).score);
    return out;
  }

  scoreOf(epoch: number, p: ProviderState): { score: number; chains: Record<string, number> } {
    return providerScore(p.declared, (chain, endpoint) =>
      this.options.store.tally(epoch, p.address, chain, endpoint),
    );
  }

  /**
   * Sends this member's report for the next epoch to settle, once it ended, unless the committee
   * already counts one for the current provider list (a restart, or a report still being mined).
   */
  private async report(providers: readonly Address[]): Promise<void> {
    const clock = this.clock;
    if (!clock || clock.nextToSettle >= clock.current || providers.length === 0) return;
    if (Date.now() < this.retryAt) return;
    const epoch = clock.nextToSettle;
    const hash = reportListHash(providers);
    const { client, committee, store } = this.options;
    if (await hasReported(client, committee, BigInt(epoch), providers, this.member)) {
      this.markConfirmed(epoch, hash);
      return;
    }
    const previous = store.submissions(epoch).find((s) => s.listHash === hash);
    if (previous?.status === "sent" && (await this.stillPending(previous.txHash as Hex))) return;

    const scores = providers.map((address) => {
      const p = this.providers.get(address);
      return p ? this.scoreOf(epoch, p).score : 0;
    });
    try {
      const txHash = await sendReport(this.options.wallet, committee, {
        epoch: BigInt(epoch),
        providers,
        scores,
      });
      store.recordSubmission({ epoch, listHash: hash, txHash, status: "sent", scores: packScores(scores) });
      const receipt = await client.waitForTransactionReceipt({ hash: txHash });
      const ok = receipt.status === "success";
      store.recordSubmission({
        epoch,
        listHash: hash,
        txHash,
        status: ok ? "confirmed" : "failed",
        scores: packScores(scores),
      });
      this.options.metrics.reports.inc({ outcome: ok ? "confirmed" : "reverted" });
      this.failures = ok ? 0 : this.failures + 1;
    } catch (error) {
      this.options.metrics.reports.inc({ outcome: "error" });
      this.failures += 1;
      this.retryAt = Date.now() + this.options.retryBaseMs * 2 ** Math.min(this.failures - 1, 5);
      throw error;
    }
  }

  private markConfirmed(epoch: number, hash: Hex): void {
    const previous = this.options.store.submissions(epoch).find((s) => s.listHash === hash);
    if (previous && previous.status !== "confirmed") {
      this.options.store.recordSubmission({ ...previous, status: "confirmed" });
    }
  }

  /** Whether a sent transaction is neither mined nor dropped yet. */
  private async stillPending(txHash: Hex): Promise<boolean> {
    try {
      await this.options.client.getTransactionReceipt({ hash: txHash });
      return false;
    } catch {
      const tx = await this.options.client.getTransaction({ hash: txHash }).catch(() => undefined);
      return tx !== undefined;
    }
  }
}
