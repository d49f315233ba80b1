/**
 * Linking: value tables per evidence type, hub suppression, and the weighted
 * key–key projection, pruned to edges worth clustering on.
 */
import { EVIDENCE_TYPES, type Config, type EvidenceType } from '../config/schema.ts';
import type { Dataset } from '../aggregate/index.ts';
import type { KeyTemplates } from '../prompts/index.ts';
import { compareStrings } from '../util/compare.ts';
import type { EdgeStore } from './edge-store.ts';
import { project } from './project.ts';
import { buildValueTable, type ValueTable } from './value-table.ts';

export { explainEdge, round, type EdgeEvidence } from './explain.ts';
export type { EdgeStore } from './edge-store.ts';
export type { ValueTable } from './value-table.ts';

export interface Hub {
  type: EvidenceType;
  value: string;
  accounts: number;
  keys: number;
}

export interface Linked {
  tables: ValueTable[];
  store: EdgeStore;
  /** Slots of edges at or above minEdgeWeight, in (source, target) order. */
  kept: number[];
  hubs: Hub[];
  candidateEdges: number;
}

export function link(data: Dataset, config: Config, templates: KeyTemplates | null = null): Linked {
  const freemail = new Set(config.freemailDomains);
  const tables = EVIDENCE_TYPES.map((type) =>
    buildValueTable(data, type, config.evidence[type].maxAccounts, type === 'email_domain' ? freemail : undefined, templates),
  );
  const store = project(tables, data.keys.length, config);
  const kept = store.kept(config.projection.minEdgeWeight);
  const hubs: Hub[] = [];
  for (const table of tables) {
    table.values.forEach((value, v) => {
      if (table.hub[v] === 1) hubs.push({ type: table.type, value, accounts: table.accounts[v], keys: table.keys[v].length });
    });
  }
  hubs.sort((a, b) => b.accounts - a.accounts || compareStrings(a.type, b.type) || compareStrings(a.value, b.value));
  return { tables, store, kept, hubs, candidateEdges: store.size };
}
