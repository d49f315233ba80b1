/**
 * Linking: value tables per evidence type, hub suppression, and the weighted
 * key–key projection, pruned to edges worth clustering on.
 */
import { EVIDENCE_TYPES, type Config, type EvidenceType } from '../config/schema.ts';
import type { Dataset } from '../aggregate/index.ts';
import type { KeyTemplates } from '../prompts/index.ts';
import { compareStrings } from '../util/compare.ts';
import type { EdgeStore } from './edge-store.ts';
import { keptOf, type Projection } from './project-part.ts';
import { project, projectKept } from './project.ts';
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
  /** The kept edges only: those at or above minEdgeWeight, slots in (source, target) order. */
  store: EdgeStore;
  /** Slots of the kept edges, in (source, target) order: every slot of `store`. */
  kept: number[];
  hubs: Hub[];
  /** Edges before pruning. */
  candidateEdges: number;
}

/**
 * Value tables, projection and pruning. Called with `workers` (1 when
 * undefined), the projection runs on that many threads and the result comes
 * as a promise; the result is the same for any number.
 */
export function link(data: Dataset, config: Config, templates: KeyTemplates | null, workers: number | undefined): Promise<Linked>;
export function link(data: Dataset, config: Config, templates?: KeyTemplates | null): Linked;
export function link(data: Dataset, config: Config, templates: KeyTemplates | null = null, ...run: [workers?: number]): Linked | Promise<Linked> {
  const tables = valueTables(data, config, templates);
  if (run.length === 0) return linked(tables, keptOf(project(tables, data.keys.length, config), config.projection.minEdgeWeight));
  return projectKept(tables, data.keys.length, config, run[0] ?? 1).then((projection) => linked(tables, projection));
}

function valueTables(data: Dataset, config: Config, templates: KeyTemplates | null): ValueTable[] {
  const freemail = new Set(config.freemailDomains);
  return EVIDENCE_TYPES.map((type) =>
    buildValueTable(data, type, config.evidence[type].maxAccounts, type === 'email_domain' ? freemail : undefined, templates),
  );
}

function linked(tables: ValueTable[], { store, candidates }: Projection): Linked {
  // The store holds the kept edges only, in (source, target) order.
  const kept = Array.from({ length: store.size }, (_, s) => s);
  const hubs: Hub[] = [];
  for (const table of tables) {
    table.values.forEach((value, v) => {
      if (table.hub[v] === 1) hubs.push({ type: table.type, value, accounts: table.accounts[v], keys: table.keys[v].length });
    });
  }
  hubs.sort((a, b) => b.accounts - a.accounts || compareStrings(a.type, b.type) || compareStrings(a.value, b.value));
  return { tables, store, kept, hubs, candidateEdges: candidates };
}
