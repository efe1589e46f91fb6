// The newest block the indexer has processed, from Ponder's own checkpoint table, and the chain's
// head: what /v1/health compares and the block pending rewards are read at.
//
// Ponder rewrites the checkpoint row in the transaction of every indexed batch, block and revert,
// so the row's version (Postgres' xmin) changes whenever the indexed data may have: the response
// cache keys its entries by it. The checkpoint string alone is not enough: after a reorg the
// replacement block can end at the same checkpoint with different data.
import { db, publicClients } from "ponder:api";
import { sql } from "ponder";

export type IndexedBlock = { number: bigint; timestamp: bigint } | undefined;
type Indexed = { block: IndexedBlock; version: string | undefined };

let reads = 0;
let latest: { indexed: Indexed; read: number; startedAt: number } | undefined;
let shared: Promise<Indexed> | undefined;

// Ponder's checkpoint layout: 10 digits of block timestamp, 16 of chain id, 16 of block number.
async function read(): Promise<Indexed> {
  const startedAt = Date.now();
  const n = ++reads;
  const result = await db.execute(
    sql`select latest_checkpoint, xmin::text as version from _ponder_checkpoint limit 1`,
  );
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
    latest_checkpoint: string;
    version: string;
  }[];
  const row = rows[0];
  const indexed: Indexed = row
    ? {
        block: {
          timestamp: BigInt(row.latest_checkpoint.slice(0, 10)),
          number: BigInt(row.latest_checkpoint.slice(26, 42)),
        },
        version: `${row.version}:${row.latest_checkpoint}`,
      }
    : { block: undefined, version: undefined };
  // Reads overlap; the one started last is the newest answer whichever finishes first.
  if (!latest || n > latest.read) latest = { indexed, read: n, startedAt };
  return indexed;
}

export async function indexedBlock(): Promise<IndexedBlock> {
  return (await read()).block;
}

/**
 * The indexed data's version, re-read when the last read started more than `maxAgeMs` ago
 * (concurrent callers share one read); undefined before the first block is indexed.
 */
export async function indexedVersion(maxAgeMs: number): Promise<string | undefined> {
  if (latest && Date.now() - latest.startedAt <= maxAgeMs) return latest.indexed.version;
  shared ??= read().finally(() => {
    shared = undefined;
  });
  return (await shared).version;
}

let ready = false;

/** Whether Ponder has finished the backfill (its own `/ready`); once true it stays true. */
export async function backfillDone(): Promise<boolean> {
  if (ready) return true;
  const result = await db.execute(sql`select (value->>'is_ready')::int as ready from _ponder_meta limit 1`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { ready: number }[];
  ready = rows[0]?.ready === 1;
  return ready;
}

export async function headBlock(): Promise<bigint | undefined> {
  try {
    return await publicClients.protocol.getBlockNumber({ cacheTime: 250 });
  } catch {
    return undefined;
  }
}
