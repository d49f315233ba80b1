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
 * the same packed tables in shared memory; each part prunes its own edges, and
 * the merged parts are the store the calling thread alone would keep, with the
 * same float bits.
 */
import { EVIDENCE_TYPES, type Config } from '../config/schema.ts';
import { EdgeStore } from './edge-store.ts';
import { packTables } from './packed-tables.ts';
import { keptOf, projectPart, type PartResult, type ProjectParams, type Projection } from './project-part.ts';
import type { ProjectTask } from './project-worker.ts';
import type { ValueTable } from './value-table.ts';
import { startWorkers } from './worker-pool.ts';

/**
 * Below this many emitted pairs the projection stays on the calling thread:
 * starting a worker (0.2–0.6 s with the TypeScript loader) would cost more
 * than splitting saves.
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
 * The projection pruned to the edges kept, on `workers` threads, the calling
 * one included: each part prunes its own edges, and the parts are merged in
 * (source, target) order. The same store (edges, slots, per-type sums to the
 * bit) for any number.
 */
export async function projectKept(
  tables: ValueTable[],
  nodes: number,
  config: Config,
  workers = 1,
  minPairs = PARALLEL_MIN_PAIRS,
): Promise<Projection> {
  const packed = packTables(tables, config);
  const params = paramsOf(nodes, config);
  const minWeight = config.projection.minEdgeWeight;
  if (workers <= 1 || emittedPairs(packed, params) < minPairs) return keptOf(projectPart(packed, params), minWeight);
  const tasks: ProjectTask[] = [];
  for (let part = 1; part < workers; part++) tasks.push({ tables: packed, params, part, parts: workers, minWeight });
  const pool = startWorkers<PartResult>(new URL('./project-worker.ts', import.meta.url), tasks);
  try {
    const own = keptOf(projectPart(packed, params, 0, workers), minWeight);
    const others = await pool.results;
    return {
      store: EdgeStore.mergeSorted(nodes, params.types, [own.store.columns(), ...others.map((r) => r.columns)]),
      candidates: others.reduce((n, r) => n + r.candidates, own.candidates),
    };
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
