// Where a measured transaction's gas goes, from anvil's opcode trace (`--breakdown`, stderr only).
import type { Hex } from "viem";

import type { Rpc } from "./rpc.ts";

interface Step {
  op: string;
  gas: number;
  gasCost: number;
  depth: number;
  stack?: Hex[];
}

interface Trace {
  gas: number;
  failed: boolean;
  structLogs: Step[];
}

interface Tx {
  input: Hex;
  gas: Hex;
}

interface Receipt {
  gasUsed: Hex;
}

const short = (word: string) => (word.length > 14 ? `${word.slice(0, 8)}…${word.slice(-4)}` : word);

const CALLS = new Set(["CALL", "DELEGATECALL", "STATICCALL", "CALLCODE", "CREATE", "CREATE2"]);

/** Intrinsic gas of a call transaction without access list: base plus calldata (EIP-2028 / EIP-7623 floor). */
function intrinsic(input: Hex): { base: number; calldata: number; floor: number } {
  let zero = 0;
  let nonzero = 0;
  for (let i = 2; i < input.length; i += 2) {
    if (input.slice(i, i + 2) === "00") zero++;
    else nonzero++;
  }
  const tokens = zero + 4 * nonzero;
  return { base: 21_000, calldata: 4 * tokens, floor: 21_000 + 10 * tokens };
}

/**
 * Summarises a mined transaction: intrinsic cost, and per opcode class the gas spent in every frame
 * (SSTORE and SLOAD listed one by one with their cost, which tells cold/warm and zero/non-zero
 * apart), the call overhead (cold accounts, proxy and library hops), and the refund.
 */
export async function breakdown(rpc: Rpc, hash: Hex): Promise<string> {
  const [tx, receipt, trace] = await Promise.all([
    rpc.call<Tx>("eth_getTransactionByHash", [hash]),
    rpc.call<Receipt>("eth_getTransactionReceipt", [hash]),
    rpc.call<Trace>("debug_traceTransaction", [hash, { enableMemory: false, disableStack: false }]),
  ]);
  const steps = trace.structLogs;
  const { base, calldata, floor } = intrinsic(tx.input);
  const byOp = new Map<string, { count: number; gas: number }>();
  const stores: string[] = [];
  const loads: number[] = [];
  const coldSlots: string[] = [];
  let callOverhead = 0;
  let calls = 0;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i] as Step;
    let cost = step.gasCost;
    if (CALLS.has(step.op)) {
      // The trace's cost of a call includes what it forwards; its own cost is what the caller lost
      // across the call minus what the callee used.
      const next = steps[i + 1];
      let resume = i + 1;
      while (resume < steps.length && (steps[resume] as Step).depth > step.depth) resume++;
      const after = steps[resume];
      if (next && next.depth > step.depth && after) {
        const calleeUsed = next.gas - ((steps[resume - 1] as Step).gas - (steps[resume - 1] as Step).gasCost);
        cost = step.gas - after.gas - calleeUsed;
      } else if (after) {
        cost = step.gas - after.gas; // a call to code-less account or precompile
      }
      callOverhead += cost;
      calls++;
    }
    const entry = byOp.get(step.op) ?? { count: 0, gas: 0 };
    entry.count++;
    entry.gas += cost;
    byOp.set(step.op, entry);
    if (step.op === "SSTORE") {
      stores.push(`${short(step.stack?.at(-1) ?? "?")}:${cost}`);
    }
    if (step.op === "SLOAD") {
      loads.push(cost);
      if (cost >= 2100) coldSlots.push(short(step.stack?.at(-1) ?? "?"));
    }
  }
  const executed = [...byOp.values()].reduce((sum, e) => sum + e.gas, 0);
  const used = Number(receipt.gasUsed);
  const refund = base + calldata + executed - used;
  const top = [...byOp.entries()]
    .filter(([op]) => !CALLS.has(op))
    .sort((a, b) => b[1].gas - a[1].gas)
    .slice(0, 8)
    .map(([op, e]) => `${op} ${e.gas} (${e.count}x)`);
  const cold = loads.filter((c) => c >= 2100).length;
  return [
    `gasUsed ${used} = base ${base} + calldata ${calldata} (floor ${floor}) + execution ${executed} - refund ${refund}`,
    `  calls: ${calls} costing ${callOverhead} (account access, proxy/library hops, token transfer entry)`,
    `  SLOAD: ${loads.length} (${cold} cold) = ${loads.reduce((a, b) => a + b, 0)} [cold: ${coldSlots.join(" ")}]`,
    `  SSTORE: ${stores.length} = ${byOp.get("SSTORE")?.gas ?? 0} [${stores.join(" ")}]`,
    `  top opcodes: ${top.join(", ")}`,
  ].join("\n");
}
