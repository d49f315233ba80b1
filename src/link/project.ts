/**
 * Projection of key–value incidence onto key–key edges. Each non-hub value
 * links the keys holding it with weight × rarity (× the co-activity multiplier
 * for IPs seen together in time). A value on more than `maxCliqueKeys` keys
 * (one large account's keys, say) does not emit its k² pairs: each key links
 * to `sparseDegree` pseudo-random partners, scaled so every key keeps the
 * total weight the clique would give it. A random graph of that degree is an
 * expander, so Louvain still sees one dense group; work stays O(k · degree).
 *
 * Supporting types (a /24, a user agent: what strangers on one ISP or SDK
 * share) never create an edge: their pairs are enumerated the same way but
 * only add to edges that linking evidence made. That also spares the table
 * the millions of pairs that only a prefix would join.
 *
 * On several threads the edges are split by owner (project-part.ts): the
 * calling thread projects part 0 while worker threads project the others over
 * the same packed tables in shared memory, and the parts' union is the store
 * the calling thread alone would build, with the same float bits.
 */
import { EVIDENCE_TYPES, type Config } from '../config/schema.ts';
import { EdgeStore, type EdgeColumns } from './edge-store.ts';
import { packTables } from './packed-tables.ts';
import { projectPart, type ProjectParams } from './project-part.ts';
import type { ProjectTask } from './project-worker.ts';
import type { ValueTable } from './value-table.ts';
import { startWorkers } from './worker-pool.ts';

/**
 * Below this many emitted pairs the projection stays on the calling thread:
 * starting a worker (~0.2 s) would cost more than it saves.
 * @default 1_000_000
 */
export const PARALLEL_MIN_PAIRS = 1_000_000;

function paramsOf(nodes: number, config: Config): ProjectParams {
  const { maxCliqueKeys, sparseDegree } = config.projection;
  return { nodes, types: EVIDENCE_TYPES.length, maxCliqueKeys, sparseDegree, multiplier: config.coactivity.multiplier };
}

/** The projection on the calling thread. */
export function project(tables: ValueTable[], nodes: number, config: Config): EdgeStore {
  return projectPart(packTables(tables, config), paramsOf(nodes, config));
}

/**
 * The projection on `workers` threads, the calling one included; the same
 * store (edges, per-type sums to the bit) for any number.
 */
export async function projectOnCores(
  tables: ValueTable[],
  nodes: number,
  config: Config,
  workers = 1,
  minPairs = PARALLEL_MIN_PAIRS,
): Promise<EdgeStore> {
  const packed = packTables(tables, config);
  const params = paramsOf(nodes, config);
  if (workers <= 1 || emittedPairs(packed, params) < minPairs) return projectPart(packed, params);
  const tasks: ProjectTask[] = [];
  for (let part = 1; part < workers; part++) tasks.push({ tables: packed, params, part, parts: workers });
  const pool = startWorkers<EdgeColumns>(new URL('./project-worker.ts', import.meta.url), tasks);
  try {
    const own = projectPart(packed, params, 0, workers).columns();
    return EdgeStore.union(nodes, params.types, [own, ...(await pool.results)]);
  } finally {
    await pool.close();
  }
}

/** Pairs every table walks, linking and supporting: the work to split. */
export function emittedPairs(tables: ReturnType<typeof packTables>, params: ProjectParams): number {
  let pairs = 0;
  for (const { start } of tables)
    for (let u = 0; u + 1 < start.length; u++) {
      const k = start[u + 1] - start[u];
      pairs += k > params.maxCliqueKeys ? k * params.sparseDegree : (k * (k - 1)) / 2;
    }
  return pairs;
}
