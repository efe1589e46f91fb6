import type { Address, Hash } from "viem";

import type { StakingEvent } from "../events/decode.js";

/** What a write did: mined (with its decoded events) or, with `dryRun`, only simulated. */
export type TransactionResult = {
  status: "success" | "simulated";
  /** The contract function called. */
  functionName: string;
  to: Address;
  /** Absent when simulated. */
  hash: Hash | undefined;
  blockNumber: bigint | undefined;
  /** Gas used when mined; the estimate when simulated. */
  gas: bigint;
  /** Decoded events of the receipt (none when simulated). */
  events: StakingEvent[];
  /** The function's return value when simulated. */
  result: unknown;
  /** The token step taken first, if any: an approval transaction or a permit signature. */
  tokenStep?: TokenStep | undefined;
};

export type TokenStep =
  | { kind: "approve"; transaction: TransactionResult }
  | { kind: "permit"; deadline: bigint }
  /**
   * Dry run: an approval of `amount` (estimated at `gas`) would be sent first. The main call was
   * simulated as if it had been given (`callSimulated`), unless the token's allowance slot could
   * not be found; the result's `gas` is then the approval's alone.
   */
  | { kind: "approve-needed"; amount: bigint; spender: Address; gas: bigint; callSimulated: boolean };

/** Options every write takes. */
export type WriteOptions = {
  /** Simulate and estimate gas, send nothing. */
  dryRun?: boolean | undefined;
  /** Blocks to wait after inclusion (default 1). */
  confirmations?: number | undefined;
  /** Called while waiting for the receipt (e.g. to show progress on a TTY). */
  onProgress?: ((event: { stage: "sent" | "mined"; hash: Hash }) => void) | undefined;
};
