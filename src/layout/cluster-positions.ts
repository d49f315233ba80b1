/**
 * Where a cluster's keys sit: ForceAtlas2 over all its internal edges (the
 * file lists only the strongest), from positions seeded by the build's seed
 * and the cluster's id, so a cluster's layout does not depend on the other
 * clusters, nor on which thread lays it out. With more than one worker the
 * clusters are cut, in order, into one batch per thread of about equal cost.
 */
import type { Linked } from '../link/index.ts';
import type { Cluster } from '../output/schemas.ts';
import { mix32 } from '../util/hash.ts';
import { runWorkers } from '../util/run-workers.ts';
import { layoutCost, packBatch, splitByCost, unpackPositions, type ForceGraph } from './force-batch.ts';
import { forceLayout } from './force.ts';
import type { GraphIndex } from './graph-index.ts';

const FORCE_WORKER = new URL('./force-worker.ts', import.meta.url);

/** Seed of one cluster's layout: the build's seed mixed with the cluster id's hex digits. */
export const clusterSeed = (seed: number, id: string) => mix32(seed >>> 0, parseInt(id.slice(2, 10), 16));

/** A cluster's ForceAtlas2 input: its members (ascending key indices) numbered 0 … n−1, its internal kept edges. */
export function clusterGraph(members: Int32Array, slots: number[], linked: Linked, seed: number): ForceGraph {
  const local = new Map<number, number>();
  members.forEach((key, m) => local.set(key, m));
  const source = new Int32Array(slots.length);
  const target = new Int32Array(slots.length);
  const weight = new Float64Array(slots.length);
  slots.forEach((slot, e) => {
    source[e] = local.get(linked.store.source[slot])!;
    target[e] = local.get(linked.store.target[slot])!;
    weight[e] = linked.store.total(slot);
  });
  return { nodes: members.length, source, target, weight, seed };
}

export function clusterGraphs(clusters: Cluster[], index: GraphIndex, linked: Linked, seed: number): ForceGraph[] {
  return clusters.map((c, i) => clusterGraph(index.members[i], index.internal[i], linked, clusterSeed(seed, c.id)));
}

/** Positions of each graph ([x0, y0, x1, y1, …]), laid out on this thread. */
export function placeGraphs(graphs: ForceGraph[]): Float64Array[] {
  return graphs.map((g) => forceLayout(g, g.seed));
}

/** The same positions, laid out on `workers` threads (this thread only packs and unpacks). */
export async function placeGraphsOnCores(graphs: ForceGraph[], workers: number): Promise<Float64Array[]> {
  const cuts = splitByCost(
    graphs.map((g) => layoutCost(g.nodes, g.source.length)),
    workers,
  );
  const runs = cuts.slice(1).map((end, w) => graphs.slice(cuts[w], end)).filter((run) => run.length > 0);
  const positions = await runWorkers<Float64Array>(FORCE_WORKER, runs.map(packBatch));
  return runs.flatMap((run, w) =>
    unpackPositions(
      run.map((g) => g.nodes),
      positions[w],
    ),
  );
}
