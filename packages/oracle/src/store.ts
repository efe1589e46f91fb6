// The member's embedded database (SQLite compiled to WebAssembly, saved to one file after every
// change by write-then-rename): per-epoch tallies, the latest samples behind them, and every report
// sent, so a restart neither loses an epoch's measurements nor sends a report twice.
//
// What a score reads is kept per provider (`provider_rounds`: rounds it was scored in) and per
// provider and chain (`chain_tallies`), never per endpoint URL: an endpoint renamed mid-epoch cannot
// take its downtime with it. Per-endpoint tallies and samples (keyed by `endpointKey`) are kept to
// show where the points came from.
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import initSqlJs, { type Database } from "sql.js";

import { endpointKey } from "./scoring/endpoint.ts";
import {
  type ChainTally,
  chainRoundPoints,
  EMPTY_TALLY,
  type ProviderTally,
  type ScoredSample,
  type Tally,
} from "./scoring/score.ts";

/** Latest samples kept per endpoint and epoch (the tallies keep everything else). */
const SAMPLES_KEPT = 10;

export type SubmissionStatus = "sent" | "confirmed" | "failed";

export interface Submission {
  epoch: number;
  listHash: string;
  txHash: string;
  status: SubmissionStatus;
  scores: string;
}

/** One endpoint's tally as stored: its chain and key ({@link endpointKey}). */
export interface EndpointTally {
  chain: string;
  endpoint: string;
  tally: Tally;
}

const SCHEMA = `
create table if not exists provider_rounds (
  epoch integer not null, provider text not null, rounds integer not null,
  primary key (epoch, provider));
create table if not exists chain_tallies (
  epoch integer not null, provider text not null, chain text not null,
  declared_rounds integer not null, points integer not null,
  primary key (epoch, provider, chain));
create table if not exists tallies (
  epoch integer not null, provider text not null, chain text not null, endpoint text not null,
  rounds integer not null, ok integer not null, latency_points integer not null, freshness_points integer not null,
  primary key (epoch, provider, chain, endpoint));
create table if not exists samples (
  epoch integer not null, provider text not null, chain text not null, endpoint text not null,
  at integer not null, ok integer not null, head integer, latency_ms real, lag integer, error text,
  latency_bps integer not null, freshness_bps integer not null);
create index if not exists samples_by_endpoint on samples (epoch, provider, chain, endpoint, at);
create table if not exists submissions (
  epoch integer not null, list_hash text not null, tx_hash text not null, status text not null,
  scores text not null, primary key (epoch, list_hash));
`;

export class Store {
  private constructor(
    private readonly db: Database,
    private readonly path: string | undefined,
  ) {}

  /** Opens (or creates) the database at `path`; in memory only when `path` is undefined. */
  static async open(path: string | undefined): Promise<Store> {
    const SQL = await initSqlJs();
    const db = path && existsSync(path) ? new SQL.Database(readFileSync(path)) : new SQL.Database();
    db.run(SCHEMA);
    return new Store(db, path);
  }

  private save(): void {
    if (!this.path) return;
    const tmp = `${this.path}.tmp`;
    writeFileSync(tmp, this.db.export());
    renameSync(tmp, this.path);
  }

  /**
   * Adds one scored round to epoch `epoch`: a round for every provider in `providers` (the scored
   * set, whether it declared endpoints or not), each provider and chain's round points, and each
   * sample to its endpoint's tally and recent samples.
   */
  recordRound(
    epoch: number,
    providers: readonly string[],
    samples: readonly ScoredSample[],
    at: number,
  ): void {
    this.db.run("begin");
    for (const provider of new Set(providers)) {
      this.db.run(
        `insert into provider_rounds values (?, ?, 1)
         on conflict (epoch, provider) do update set rounds = rounds + 1`,
        [epoch, provider],
      );
    }
    for (const [provider, byChain] of chainRoundPoints(samples)) {
      for (const [chain, points] of byChain) {
        this.db.run(
          `insert into chain_tallies values (?, ?, ?, 1, ?)
           on conflict (epoch, provider, chain) do update set declared_rounds = declared_rounds + 1,
             points = points + excluded.points`,
          [epoch, provider, chain, points],
        );
      }
    }
    for (const s of samples) {
      const endpoint = endpointKey(s.endpoint);
      this.db.run(
        `insert into tallies values (?, ?, ?, ?, 1, ?, ?, ?)
         on conflict (epoch, provider, chain, endpoint) do update set rounds = rounds + 1,
           ok = ok + excluded.ok, latency_points = latency_points + excluded.latency_points,
           freshness_points = freshness_points + excluded.freshness_points`,
        [epoch, s.provider, s.chain, endpoint, s.ok ? 1 : 0, s.latencyBps, s.freshnessBps],
      );
      this.db.run("insert into samples values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", [
        epoch,
        s.provider,
        s.chain,
        endpoint,
        at,
        s.ok ? 1 : 0,
        s.head ?? null,
        s.latencyMs ?? null,
        s.lag ?? null,
        s.error ?? null,
        s.latencyBps,
        s.freshnessBps,
      ]);
      this.db.run(
        `delete from samples where epoch = ? and provider = ? and chain = ? and endpoint = ? and rowid not in
         (select rowid from samples where epoch = ? and provider = ? and chain = ? and endpoint = ?
          order by at desc, rowid desc limit ${SAMPLES_KEPT})`,
        [epoch, s.provider, s.chain, endpoint, epoch, s.provider, s.chain, endpoint],
      );
    }
    this.db.run("commit");
    this.save();
  }

  /** What `provider`'s score in `epoch` is computed from. */
  providerTally(epoch: number, provider: string): ProviderTally {
    const rounds = this.db.exec("select rounds from provider_rounds where epoch = ? and provider = ?", [
      epoch,
      provider,
    ])[0]?.values[0]?.[0];
    const chains = new Map<string, ChainTally>();
    const rows = this.db.exec(
      "select chain, declared_rounds, points from chain_tallies where epoch = ? and provider = ? order by chain",
      [epoch, provider],
    )[0]?.values;
    for (const [chain, declaredRounds, points] of rows ?? []) {
      chains.set(String(chain), { declaredRounds: Number(declaredRounds), points: Number(points) });
    }
    return { rounds: rounds === undefined || rounds === null ? 0 : Number(rounds), chains };
  }

  /** Every endpoint tally of `provider` in `epoch`, by chain and endpoint key. */
  endpointTallies(epoch: number, provider: string): EndpointTally[] {
    const rows = this.db.exec(
      `select chain, endpoint, rounds, ok, latency_points, freshness_points from tallies
       where epoch = ? and provider = ? order by chain, endpoint`,
      [epoch, provider],
    )[0]?.values;
    return (rows ?? []).map(([chain, endpoint, rounds, ok, latencyPoints, freshnessPoints]) => ({
      chain: String(chain),
      endpoint: String(endpoint),
      tally: {
        rounds: Number(rounds),
        ok: Number(ok),
        latencyPoints: Number(latencyPoints),
        freshnessPoints: Number(freshnessPoints),
      },
    }));
  }

  /** One endpoint's tally; `endpoint` in any spelling of its {@link endpointKey}. */
  tally(epoch: number, provider: string, chain: string, endpoint: string): Tally {
    const stmt = this.db.prepare(
      "select rounds, ok, latency_points, freshness_points from tallies where epoch = ? and provider = ? and chain = ? and endpoint = ?",
    );
    try {
      stmt.bind([epoch, provider, chain, endpointKey(endpoint)]);
      if (!stmt.step()) return EMPTY_TALLY;
      const [rounds, ok, latencyPoints, freshnessPoints] = stmt.get() as number[];
      return {
        rounds: rounds ?? 0,
        ok: ok ?? 0,
        latencyPoints: latencyPoints ?? 0,
        freshnessPoints: freshnessPoints ?? 0,
      };
    } finally {
      stmt.free();
    }
  }

  /** The latest epoch with any recorded round, if any round was ever recorded. */
  latestMeasuredEpoch(): number | undefined {
    const result = this.db.exec("select max(epoch) from provider_rounds");
    const value = result[0]?.values[0]?.[0];
    return value === null || value === undefined ? undefined : Number(value);
  }

  /** Whether any round was recorded under `epoch`. */
  measured(epoch: number): boolean {
    return this.db.exec("select 1 from provider_rounds where epoch = ? limit 1", [epoch]).length > 0;
  }

  /** The latest samples of `provider` in `epoch`, newest first; `endpoint` is the endpoint's key. */
  samples(epoch: number, provider: string): (ScoredSample & { at: number })[] {
    const stmt = this.db.prepare(
      "select chain, endpoint, at, ok, head, latency_ms, lag, error, latency_bps, freshness_bps from samples where epoch = ? and provider = ? order by at desc, rowid desc",
    );
    const rows: (ScoredSample & { at: number })[] = [];
    try {
      stmt.bind([epoch, provider]);
      while (stmt.step()) {
        const r = stmt.getAsObject();
        rows.push({
          provider,
          chain: String(r.chain),
          endpoint: String(r.endpoint),
          at: Number(r.at),
          ok: r.ok === 1,
          ...(r.head === null ? {} : { head: Number(r.head) }),
          ...(r.latency_ms === null ? {} : { latencyMs: Number(r.latency_ms) }),
          ...(r.lag === null ? {} : { lag: Number(r.lag) }),
          ...(r.error === null ? {} : { error: String(r.error) }),
          latencyBps: Number(r.latency_bps),
          freshnessBps: Number(r.freshness_bps),
        });
      }
    } finally {
      stmt.free();
    }
    return rows;
  }

  submissions(epoch: number): Submission[] {
    const stmt = this.db.prepare(
      "select list_hash, tx_hash, status, scores from submissions where epoch = ? order by rowid",
    );
    const rows: Submission[] = [];
    try {
      stmt.bind([epoch]);
      while (stmt.step()) {
        const [listHash, txHash, status, scores] = stmt.get() as string[];
        rows.push({
          epoch,
          listHash: listHash ?? "",
          txHash: txHash ?? "",
          status: (status ?? "failed") as SubmissionStatus,
          scores: scores ?? "",
        });
      }
    } finally {
      stmt.free();
    }
    return rows;
  }

  /** Records (or updates) what was sent for `epoch` and `listHash`; saved before returning. */
  recordSubmission(s: Submission): void {
    this.db.run(
      `insert into submissions values (?, ?, ?, ?, ?) on conflict (epoch, list_hash) do update set
       tx_hash = excluded.tx_hash, status = excluded.status, scores = excluded.scores`,
      [s.epoch, s.listHash, s.txHash, s.status, s.scores],
    );
    this.save();
  }

  close(): void {
    this.save();
    this.db.close();
  }
}
