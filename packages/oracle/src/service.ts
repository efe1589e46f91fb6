// One committee member: each tick reads the scored providers and their metadata, sends this
// member's report for the next epoch to settle once it ended (first, so no probing delays it),
// then probes every declared endpoint once (a round, bounded by a deadline) and adds the round to
// the current epoch's tallies.

import type { ChainEntry, ProviderMetadata, StakingClientBase } from "@ankr-staking/sdk";
import {
  chainRegistry,
  getReportStatus,
  packScores,
  reportListHash,
  submitReport,
  TransactionRevertedError,
} from "@ankr-staking/sdk";
import type { RequestLimits } from "@ankr-staking/sdk/node";
import type { Address, Hex, PublicClient } from "viem";
import { type EpochClock, readClock, readScoredProviders, type StakingTarget } from "./chain.ts";
import { BaseError, SetupError } from "./errors.ts";
import { fetchMetadata } from "./metadata/fetch.ts";
import type { Metrics } from "./metrics.ts";
import { PROBES } from "./probes/families.ts";
import { retryDelayMs } from "./retry.ts";
import { distinctEndpoints } from "./scoring/endpoint.ts";
import { providerScore, roundCounts, type Sample, type ScoringConfig, scoreRound } from "./scoring/score.ts";
import type { Store } from "./store.ts";

export interface ServiceOptions {
  /** The SDK client of this member: its account signs the reports, its deployment names the committee. */
  sdk: StakingClientBase;
  staking: StakingTarget;
  store: Store;
  metrics: Metrics;
  limits: RequestLimits;
  ipfsGateway: string;
  allowHttpMetadata: boolean;
  scoring: ScoringConfig;
  /** Chains added to (or replacing) the registry's, e.g. devnet chains. */
  extraChains?: readonly ChainEntry[];
  /** Re-read a provider's metadata document after this long (a failed read: on the next tick). */
  metadataTtlMs: number;
  /** A round ends this long after it starts; probes still running then count as failed. */
  roundTimeoutMs: number;
  /** First retry delay after a failed submission; doubles up to 32x (see retry.ts). */
  retryBaseMs: number;
}

export interface ProviderState {
  address: Address;
  metadataURI: string;
  /** The last document that loaded and validated for this URI (kept while later reads fail). */
  metadata?: ProviderMetadata;
  /** Why the latest read failed, if it did (the last good document, if any, still counts). */
  metadataError?: string;
  /** Declared chains the registry does not know (ignored). */
  unknownChains: string[];
  /** Declared chain id -> distinct endpoints (one spelling per `endpointKey`), registry chains only. */
  declared: Map<string, string[]>;
  /** When the metadata was last read, successfully or not. */
  fetchedAt: number;
}

/** What `report` did: nothing due (or already in), sent, or waiting for a first measurement. */
type ReportOutcome = "idle" | "sent" | "unmeasured";

/** `lastError` after a round in which no endpoint answered (it is not recorded: see `roundCounts`). */
export const UNCOUNTED_ROUND = "no endpoint answered this round: not counted (is this member cut off?)";

export class OracleService {
  readonly registry: ReadonlyMap<string, ChainEntry>;
  readonly providers = new Map<Address, ProviderState>();
  readonly member: Address;
  clock: EpochClock | undefined;
  lastRoundAt: number | undefined;
  lastError: string | undefined;
  private readonly client: PublicClient;
  private retryAt = 0;
  private failures = 0;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(readonly options: ServiceOptions) {
    this.registry = chainRegistry(options.extraChains);
    const account = options.sdk.account;
    if (!account || !options.sdk.walletClient)
      throw new SetupError("the SDK client has no account to sign reports");
    this.member = account.address;
    this.client = options.sdk.publicClient as PublicClient;
  }

  /** One round and, when due, this member's report. Never throws: errors go to `lastError`. */
  async tick(): Promise<void> {
    try {
      this.clock = await readClock(this.client, this.options.staking);
      const scored = await readScoredProviders(this.client, this.options.staking);
      await this.refreshMetadata(scored);
      const providers = scored.map((p) => p.address);
      // A failed report must not cost this tick's measurements: keep its error for after the round.
      let reportError: unknown;
      const outcome = await this.report(providers).catch((error: unknown) => {
        reportError = error;
        return "idle" as const;
      });
      const counted = this.clock.now >= this.clock.genesis ? await this.round(this.clock.current) : true;
      if (outcome === "unmeasured") await this.report(providers);
      if (reportError !== undefined) throw reportError;
      this.lastError = counted ? undefined : UNCOUNTED_ROUND;
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

  /**
   * Reads metadata that is new, expired or failed last time. A read that fails keeps the last good
   * document for the same URI (with the error shown beside it): a gateway's bad minute is not the
   * provider withdrawing its endpoints, and dropping them would score its whole epoch 0.
   */
  async refreshMetadata(scored: readonly { address: Address; metadataURI: string }[]): Promise<void> {
    const now = Date.now();
    const current = new Set(scored.map((p) => p.address));
    for (const address of this.providers.keys()) if (!current.has(address)) this.providers.delete(address);
    await Promise.all(
      scored.map(async ({ address, metadataURI }) => {
        const known = this.providers.get(address);
        const sameUri = known?.metadataURI === metadataURI;
        if (known && sameUri && !known.metadataError && now - known.fetchedAt < this.options.metadataTtlMs) {
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
          state.metadata = await fetchMetadata(metadataURI, {
            ipfsGateway: this.options.ipfsGateway,
            limits: { ...this.options.limits, scope: address },
            allowHttp: this.options.allowHttpMetadata,
          });
          for (const chain of state.metadata.chains ?? []) {
            if (this.registry.has(chain.id)) state.declared.set(chain.id, distinctEndpoints(chain.endpoints));
            else state.unknownChains.push(chain.id);
          }
        } catch (error) {
          if (known && sameUri) Object.assign(state, { ...known, fetchedAt: now });
          state.metadataError = error instanceof BaseError ? error.message : String(error);
        }
        this.providers.set(address, state);
      }),
    );
    this.options.metrics.invalidMetadata.set(
      [...this.providers.values()].filter((p) => p.metadataError).length,
    );
  }

  /**
   * Probes every declared endpoint once, concurrently, and records the round under `epoch` for every
   * scored provider, declared endpoints or not. The round ends at its deadline: a probe still running
   * then is a failed sample, so one slow host cannot hold the round (and the next tick's report) any
   * longer. A round in which nothing answered is not recorded; returns whether it was.
   */
  private async round(epoch: number): Promise<boolean> {
    const { roundTimeoutMs } = this.options;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, roundTimeoutMs);
    });
    const jobs: Promise<Sample>[] = [];
    for (const p of this.providers.values()) {
      for (const [chainId, endpoints] of p.declared) {
        const chain = this.registry.get(chainId) as ChainEntry;
        for (const endpoint of endpoints) {
          const late = deadline.then(() =>
            this.failed(
              p.address,
              chain,
              endpoint,
              "RoundDeadline",
              `no answer within the round's ${roundTimeoutMs} ms`,
            ),
          );
          jobs.push(Promise.race([this.probe(p.address, chain, endpoint), late]));
        }
      }
    }
    const samples = await Promise.all(jobs);
    clearTimeout(timer);
    // Counted here, from the samples the round kept: a probe cut off by the deadline still ends later.
    for (const s of samples) {
      const result = s.ok ? "ok" : (s.error?.split(":")[0] ?? "Error");
      this.options.metrics.probes.inc({ chain: s.chain, result });
      if (s.ok && s.latencyMs !== undefined) {
        this.options.metrics.latency.observe({ chain: s.chain }, s.latencyMs / 1000);
      }
    }
    const scored = scoreRound(samples, (c) => this.registry.get(c)?.maxLag ?? 1, this.options.scoring);
    if (!roundCounts(scored)) return false;
    this.options.store.recordRound(epoch, [...this.providers.keys()], scored, this.clock?.now ?? 0);
    this.lastRoundAt = Date.now();
    this.options.metrics.rounds.inc();
    this.options.metrics.epoch.set(epoch);
    for (const [address, score] of this.scores(epoch))
      this.options.metrics.score.set({ provider: address }, score);
    return true;
  }

  private async probe(provider: Address, chain: ChainEntry, endpoint: string): Promise<Sample> {
    try {
      const limits = { ...this.options.limits, scope: provider };
      const result = await PROBES[chain.family](endpoint, chain, limits);
      return {
        provider,
        chain: chain.id,
        endpoint,
        ok: true,
        head: result.head,
        latencyMs: result.latencyMs,
      };
    } catch (error) {
      const kind = error instanceof Error ? error.name : "Error";
      return this.failed(provider, chain, endpoint, kind, (error as Error).message);
    }
  }

  /** A failed sample; its error starts with the failure's kind (the metrics' `result` label). */
  private failed(
    provider: Address,
    chain: ChainEntry,
    endpoint: string,
    kind: string,
    message: string,
  ): Sample {
    return { provider, chain: chain.id, endpoint, ok: false, error: `${kind}: ${message}`.slice(0, 300) };
  }

  /** Every scored provider's score for `epoch` from the stored tallies. */
  scores(epoch: number): Map<Address, number> {
    const out = new Map<Address, number>();
    for (const p of this.providers.values()) out.set(p.address, this.scoreOf(epoch, p).score);
    return out;
  }

  /** `p`'s score for `epoch`: every chain it declared in any round, or declares now (scoring/score.ts). */
  scoreOf(epoch: number, p: ProviderState): { score: number; chains: Record<string, number> } {
    return providerScore(this.options.store.providerTally(epoch, p.address), p.declared.keys());
  }

  /**
   * The epoch whose measurements stand for `epoch` in its report: itself if this member recorded
   * any round in it, else the latest epoch it did measure (it was down, or time jumped past whole
   * epochs). No information is not evidence of an outage: reporting zeros would jail every
   * provider, while the median across members still settles on what the others measured.
   * Undefined when this member never measured anything.
   */
  measuredEpochFor(epoch: number): number | undefined {
    return this.options.store.measured(epoch) ? epoch : this.options.store.latestMeasuredEpoch();
  }

  /**
   * Sends this member's report for the next epoch to settle, once it ended, unless the committee
   * already counts one for the current provider list (a restart, or a report still being mined).
   */
  private async report(providers: readonly Address[]): Promise<ReportOutcome> {
    const clock = this.clock;
    if (!clock || clock.nextToSettle >= clock.current || providers.length === 0) return "idle";
    if (Date.now() < this.retryAt) return "idle";
    const epoch = clock.nextToSettle;
    const hash = reportListHash(providers);
    const { sdk, store } = this.options;
    const status = await getReportStatus(sdk, { epoch: BigInt(epoch), member: this.member, providers });
    if (status.reported) {
      this.markConfirmed(epoch, hash);
      return "idle";
    }
    const previous = store.submissions(epoch).find((s) => s.listHash === hash);
    if (previous?.status === "sent" && (await this.stillPending(previous.txHash as Hex))) return "idle";
    const source = this.measuredEpochFor(epoch);
    if (source === undefined) return "unmeasured";

    const scores = providers.map((address) => {
      const p = this.providers.get(address);
      return p ? this.scoreOf(source, p).score : 0;
    });
    const submission = { epoch, listHash: hash, scores: packScores(scores) };
    let txHash: Hex | undefined;
    try {
      // No default score: if the scored set changed since it was read, the SDK refuses to guess.
      await submitReport(sdk, {
        epoch: BigInt(epoch),
        scores: Object.fromEntries(providers.map((address, i) => [address, scores[i]])),
        onProgress: ({ stage, hash: sent }) => {
          if (stage !== "sent") return;
          txHash = sent;
          // Persisted before waiting for the receipt, so a restart finds it and does not resend.
          store.recordSubmission({ ...submission, txHash: sent, status: "sent" });
        },
      });
      if (txHash) store.recordSubmission({ ...submission, txHash, status: "confirmed" });
      this.options.metrics.reports.inc({ outcome: "confirmed" });
      this.failures = 0;
      return "sent";
    } catch (error) {
      const reverted = error instanceof TransactionRevertedError;
      // Only a mined revert is final; after another error the transaction may still be pending.
      if (txHash && reverted) store.recordSubmission({ ...submission, txHash, status: "failed" });
      this.options.metrics.reports.inc({ outcome: reverted ? "reverted" : "error" });
      this.failures += 1;
      this.retryAt = Date.now() + retryDelayMs(this.failures, this.options.retryBaseMs);
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
      await this.client.getTransactionReceipt({ hash: txHash });
      return false;
    } catch {
      const tx = await this.client.getTransaction({ hash: txHash }).catch(() => undefined);
      return tx !== undefined;
    }
  }
}
