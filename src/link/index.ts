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
import { project, Projector } from './project.ts';
import { buildValueTable, keyCount, type ValueTable } from './value-table.ts';

export { explainEdge, round, type EdgeEvidence } from './explain.ts';
export type { EdgeStore } from './edge-store.ts';
export { keyCount, keysOf, valuesOf, type ValueTable } from './value-table.ts';

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
 * as a promise; the result is the same for any number. Then `templates` may
 * be a promise too (the miner on its own thread): the tables of the other
 * types are built, on this thread, before the promise is returned, and the
 * template table, last of EVIDENCE_TYPES, once it settles.
 */
export function link(data: Dataset, config: Config, templates: KeyTemplates | null | Promise<KeyTemplates | null>, workers: number | undefined): Promise<Linked>;
export function link(data: Dataset, config: Config, templates?: KeyTemplates | null): Linked;
export function link(data: Dataset, config: Config, templates: KeyTemplates | null | Promise<KeyTemplates | null> = null, ...run: [workers?: number]): Linked | Promise<Linked> {
  if (run.length === 0) {
    if (templates instanceof Promise) throw new TypeError('link: templates as a promise need the workers argument');
    const tables = EVIDENCE_TYPES.map((type) => valueTable(data, config, templates, type));
    return linked(tables, keptOf(project(tables, data.keys.length, config), config.projection.minEdgeWeight));
  }
  return linkOnCores(data, config, templates, run[0] ?? 1);
}

/** Tables built one by one on this thread, each handed to the projection's threads as soon as it is built. */
async function linkOnCores(data: Dataset, config: Config, templates: KeyTemplates | null | Promise<KeyTemplates | null>, workers: number): Promise<Linked> {
  const projector = new Projector(data.keys.length, config, workers);
  const tables: ValueTable[] = [];
  try {
    for (const type of EVIDENCE_TYPES) {
      const table = valueTable(data, config, type === 'template' ? await templates : null, type);
      tables.push(table);
      projector.add(table);
    }
  } catch (error) {
    await projector.abort();
    throw error;
  }
  return linked(tables, await projector.finish());
}

function valueTable(data: Dataset, config: Config, templates: KeyTemplates | null, type: EvidenceType): ValueTable {
  const alwaysHubs = type === 'email_domain' ? new Set(config.freemailDomains) : undefined;
  return buildValueTable(data, type, config.evidence[type].maxAccounts, alwaysHubs, templates);
}

function linked(tables: ValueTable[], { store, candidates }: Projection): Linked {
  // The store holds the kept edges only, in (source, target) order.
  const kept = Array.from({ length: store.size }, (_, s) => s);
  const hubs: Hub[] = [];
  for (const table of tables) {
    table.values.forEach((value, v) => {
      if (table.hub[v] === 1) hubs.push({ type: table.type, value, accounts: table.accounts[v], keys: keyCount(table, v) });
    });
  }
  hubs.sort((a, b) => b.accounts - a.accounts || compareStrings(a.type, b.type) || compareStrings(a.value, b.value));
  return { tables, store, kept, hubs, candidateEdges: candidates };
}
