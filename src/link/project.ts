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
 * On several threads the edges are split by owner (project-part.ts): worker
 * threads project one part each over the packed tables in shared memory, fed
 * each table as soon as the calling thread has built it; each part prunes its
 * own edges, and the merged parts are the store the calling thread alone would
 * keep, with the same float bits.
 */
import { EVIDENCE_TYPES, type Config } from '../config/schema.ts';
import { EdgeStore } from './edge-store.ts';
import { packTable, packTables, type PackedTable } from './packed-tables.ts';
import { keptOf, projectPart, type PartResult, type ProjectParams, type Projection } from './project-part.ts';
import type { ProjectTask } from './project-worker.ts';
import type { ValueTable } from './value-table.ts';
import { startWorkers, type WorkerPool } from '../util/run-workers.ts';

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
 * The projection pruned to the kept edges, on `workers` threads, fed value
 * tables as they are built, in EVIDENCE_TYPES order: linking ones are
 * projected as they come, supporting ones once every linking one is in (they
 * only add to edges the linking ones made). While the work seen
 * is under `minPairs` pairs the tables wait; past it, `workers` threads start
 * and project one part each while the calling thread builds the next tables.
 * If it stays under, or with one worker, the calling thread projects alone at
 * the end. The same store (edges, slots, per-type sums to the bit) for any
 * number of workers.
 */
export class Projector {
  private readonly params: ProjectParams;
  private readonly linking: PackedTable[] = [];
  private readonly supporting: PackedTable[] = [];
  private pairs = 0;
  private pool: WorkerPool<PartResult> | null = null;
  /** Linking tables already sent to the threads. */
  private sent = 0;
  /** Type index of the last table added. */
  private last = -1;

  constructor(
    nodes: number,
    private readonly config: Config,
    private readonly workers = 1,
    private readonly minPairs = PARALLEL_MIN_PAIRS,
  ) {
    this.params = paramsOf(nodes, config);
  }

  add(table: ValueTable): void {
    const { weight, supportOnly } = this.config.evidence[table.type];
    const t = EVIDENCE_TYPES.indexOf(table.type);
    if (t <= this.last) throw new Error(`Projector: ${table.type} came after ${EVIDENCE_TYPES[this.last]}; add tables in EVIDENCE_TYPES order`);
    this.last = t;
    if (weight <= 0) return;
    const packed = packTable(table, this.config, !supportOnly);
    (supportOnly ? this.supporting : this.linking).push(packed);
    this.pairs += emittedPairs([packed], this.params);
    if (this.pool === null && this.workers > 1 && this.pairs >= this.minPairs) this.start();
    if (this.pool !== null) this.send();
  }

  /** Kept edges, once every table is in. */
  async finish(): Promise<Projection> {
    const minWeight = this.config.projection.minEdgeWeight;
    if (this.pool === null) return keptOf(projectPart([...this.linking, ...this.supporting], this.params), minWeight);
    const pool = this.pool;
    try {
      for (const table of this.supporting) for (const w of pool.workers) w.postMessage(table);
      for (const w of pool.workers) w.postMessage(null);
      const parts = await pool.results;
      return {
        store: EdgeStore.mergeSorted(this.params.nodes, this.params.types, parts.map((r) => r.columns)),
        candidates: parts.reduce((n, r) => n + r.candidates, 0),
      };
    } finally {
      await pool.close();
    }
  }

  /** Stop the threads without a result (the build failed elsewhere). */
  async abort(): Promise<void> {
    await this.pool?.close();
  }

  private start(): void {
    const minWeight = this.config.projection.minEdgeWeight;
    const tasks: ProjectTask[] = [];
    for (let part = 0; part < this.workers; part++) tasks.push({ params: this.params, part, parts: this.workers, minWeight });
    this.pool = startWorkers<PartResult>(new URL('./project-worker.ts', import.meta.url), tasks);
  }

  /** Linking tables not yet sent to every thread. */
  private send(): void {
    for (; this.sent < this.linking.length; this.sent++) for (const w of this.pool!.workers) w.postMessage(this.linking[this.sent]);
  }
}

/** The projection of built tables pruned to the kept edges, on `workers` threads. */
export async function projectKept(
  tables: ValueTable[],
  nodes: number,
  config: Config,
  workers = 1,
  minPairs = PARALLEL_MIN_PAIRS,
): Promise<Projection> {
  const projector = new Projector(nodes, config, workers, minPairs);
  for (const table of [...tables].sort((a, b) => EVIDENCE_TYPES.indexOf(a.type) - EVIDENCE_TYPES.indexOf(b.type))) projector.add(table);
  return projector.finish();
}

/** Pairs every table walks, linking and supporting: the work to split. */
export function emittedPairs(tables: PackedTable[], params: ProjectParams): number {
  let pairs = 0;
  for (const { start } of tables)
    for (let u = 0; u + 1 < start.length; u++) {
      const k = start[u + 1] - start[u];
      pairs += k > params.maxCliqueKeys ? k * params.sparseDegree : (k * (k - 1)) / 2;
    }
  return pairs;
}
