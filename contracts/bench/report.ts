// Turns the measurements into the stdout document and the checked-in snapshot.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

import { BUDGETS, OPERATIONS, type Operation } from "./scenarios.ts";

export type Figures = Record<Operation, Record<string, number>>;

export interface Worst {
  scenario: string;
  gas: number;
  budget: number;
  /** budget - gas: negative when over budget. */
  margin: number;
}

export function worstCases(figures: Figures): Record<Operation, Worst> {
  const worst = {} as Record<Operation, Worst>;
  for (const op of OPERATIONS) {
    const entries = Object.entries(figures[op]);
    const [scenario, gas] = entries.reduce((a, b) => (b[1] > a[1] ? b : a));
    worst[op] = { scenario, gas, budget: BUDGETS[op], margin: BUDGETS[op] - gas };
  }
  return worst;
}

/**
 * Scenarios whose gas exceeds the operation's figure with the fewest delegators and epochs; none is
 * expected, since nothing in the contract loops over delegators or epochs.
 */
export function growth(
  figures: Figures,
  baseline: (op: Operation) => string | undefined,
): { operation: Operation; scenario: string; gas: number; baseline: number }[] {
  const found: { operation: Operation; scenario: string; gas: number; baseline: number }[] = [];
  for (const op of OPERATIONS) {
    const base = baseline(op);
    if (base === undefined) continue;
    const baseGas = figures[op][base];
    if (baseGas === undefined) throw new Error(`no baseline ${base} for ${op}`);
    for (const [scenario, gas] of Object.entries(figures[op])) {
      // A variant (a prefix before the counts, e.g. `existingPosition/noSnapshot/`) is compared with
      // its own figure at the baseline counts.
      const variant = scenario.slice(0, scenario.indexOf("delegators="));
      const variantBase = variant === "" ? baseGas : figures[op][`${variant}${base}`];
      if (variantBase !== undefined && gas > variantBase) {
        found.push({ operation: op, scenario, gas, baseline: variantBase });
      }
    }
  }
  return found;
}

export function writeSnapshot(path: string, snapshot: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(snapshot, null, 2)}\n`);
}
