// What a chain entry of the registry holds.

/** Protocol families: each has one probe in packages/oracle/src/probes/. */
export type ProtocolFamily =
  | "evm"
  | "solana"
  | "near"
  | "substrate"
  | "bitcoin"
  | "tron"
  | "aptos"
  | "sui"
  | "cosmos"
  | "starknet";

export interface ChainEntry {
  /** Stable id, used in provider metadata (`chains[].id`). */
  id: string;
  name: string;
  family: ProtocolFamily;
  /**
   * What the endpoint must report to prove it serves this chain, in the family's own terms: an
   * EVM or Starknet chain id (hex), a genesis hash (Solana, Substrate, Bitcoin-style, Tron), a
   * network name (NEAR, Cosmos), a chain id (Aptos), a chain identifier (Sui).
   */
  identity: string;
  /** Head lag (in the chain's head units: blocks, slots, checkpoints) that scores zero freshness. */
  maxLag: number;
}
