// What every probe takes and returns.
import type { ChainEntry } from "@ankr-staking/sdk";
import type { RequestLimits } from "@ankr-staking/sdk/node";

export interface ProbeResult {
  /** The endpoint's head in the chain's units (block height, slot, checkpoint). */
  head: number;
  /** Round-trip time of the head request, in ms. */
  latencyMs: number;
}

/** Checks that `endpoint` serves `chain` (throws WrongChainError otherwise) and reads its head. */
export type Probe = (endpoint: string, chain: ChainEntry, limits: RequestLimits) => Promise<ProbeResult>;
