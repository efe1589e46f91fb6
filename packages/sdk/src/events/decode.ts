// Decodes the protocol's logs (staking, vault, token, governance, oracle) into typed events.
import { type Log, parseEventLogs } from "viem";

import { protocolAbi } from "../abis/protocol.js";

/** Every event ABI entry of the protocol's contracts. */
export const eventsAbi = protocolAbi;

export type StakingEvent = ReturnType<typeof parseEventLogs<typeof eventsAbi>>[number];
export type StakingEventName = StakingEvent["eventName"];

/**
 * Decodes `logs` (a receipt's or getLogs') into typed events; logs of other contracts are skipped.
 *
 * @example
 * const events = decodeStakingEvents(receipt.logs)
 * const delegated = events.find((e) => e.eventName === "Delegated")
 */
export function decodeStakingEvents(logs: readonly Log[]): StakingEvent[] {
  return parseEventLogs({ abi: eventsAbi, logs: logs as Log[] });
}
