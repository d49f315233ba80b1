/**
 * Why two keys are linked: per evidence type, the weight it contributed, how
 * many values they share and the rarest few of them with their counts.
 * Computed only for kept edges, by intersecting the keys' sorted value lists.
 */
import { EVIDENCE_TYPES, type EvidenceType } from '../config/schema.ts';
import { coactive } from './coactivity.ts';
import type { EdgeStore } from './edge-store.ts';
import { keyCount, keysOf, valuesOf, type ValueTable } from './value-table.ts';
import { indexOfSorted, intersectSorted } from '../util/sorted.ts';
import { roundTo } from '../util/stats.ts';

export interface SharedValue {
  value: string;
  /** Distinct accounts holding the value across the whole input. */
  accounts: number;
  keys: number;
  /** IP evidence only: the two keys used it within the co-activity window. */
  coactive?: boolean;
}

export interface TypeEvidence {
  weight: number;
  shared: number;
  values: SharedValue[];
}

export type EdgeEvidence = Partial<Record<EvidenceType, TypeEvidence>>;

export function explainEdge(store: EdgeStore, slot: number, tables: ValueTable[], maxValues: number): EdgeEvidence {
  const [i, j] = store.endpoints(slot);
  const evidence: EdgeEvidence = {};
  for (const table of tables) {
    const t = EVIDENCE_TYPES.indexOf(table.type);
    const weight = store.weights[t][slot];
    if (weight === 0) continue;
    const shared = intersectSorted(valuesOf(table, i), valuesOf(table, j));
    const rarest = shared
      .sort((a, b) => table.accounts[a] - table.accounts[b] || a - b)
      .slice(0, maxValues)
      .map((v): SharedValue => {
        const out: SharedValue = { value: table.values[v], accounts: table.accounts[v], keys: keyCount(table, v) };
        const windows = table.windows?.[v];
        if (windows) {
          const keys = keysOf(table, v);
          out.coactive = coactive(windows, indexOfSorted(keys, i), indexOfSorted(keys, j));
        }
        return out;
      });
    evidence[table.type] = { weight: round(weight), shared: shared.length, values: rarest };
  }
  return evidence;
}

/** Weights in output files: 6 decimals. */
export function round(x: number): number {
  return roundTo(x, 6);
}
