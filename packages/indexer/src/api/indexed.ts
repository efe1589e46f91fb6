// The newest block the indexer has processed, from Ponder's own checkpoint table, and the chain's
// head: what /v1/health compares and the block pending rewards are read at.
import { db, publicClients } from "ponder:api";
import { sql } from "ponder";

export type IndexedBlock = { number: bigint; timestamp: bigint } | undefined;

// Ponder's checkpoint layout: 10 digits of block timestamp, 16 of chain id, 16 of block number.
export async function indexedBlock(): Promise<IndexedBlock> {
  const result = await db.execute(sql`select latest_checkpoint from _ponder_checkpoint limit 1`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
    latest_checkpoint: string;
  }[];
  const checkpoint = rows[0]?.latest_checkpoint;
  if (!checkpoint) return undefined;
  return { timestamp: BigInt(checkpoint.slice(0, 10)), number: BigInt(checkpoint.slice(26, 42)) };
}

export async function headBlock(): Promise<bigint | undefined> {
  try {
    return await publicClients.protocol.getBlockNumber({ cacheTime: 250 });
  } catch {
    return undefined;
  }
}
