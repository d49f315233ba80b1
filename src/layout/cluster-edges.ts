/**
 * A cluster's edges for the viewer: the kept edges inside it, strongest first
 * (weight descending, ties by source then target), capped, each with its
 * evidence value by value as in edges.jsonl (explainEdge).
 */
import type { Dataset } from '../aggregate/index.ts';
import { explainEdge, round, type Linked } from '../link/index.ts';
import { edgeTypes } from './graph-index.ts';
import type { ClusterFile } from './schema.ts';

/** At most this many edges per cluster file (sigma stays fluid to ~10^5 edges on screen). */
export const MAX_CLUSTER_EDGES = 20_000;

export function strongestFirst(linked: Linked, slots: number[]): number[] {
  const weight = new Map(slots.map((s) => [s, linked.store.total(s)]));
  const { source, target } = linked.store;
  return [...slots].sort((a, b) => weight.get(b)! - weight.get(a)! || source[a] - source[b] || target[a] - target[b]);
}

export function clusterEdges(
  data: Dataset,
  linked: Linked,
  slots: number[],
  maxValues: number,
  cap = MAX_CLUSTER_EDGES,
): Pick<ClusterFile, 'edges' | 'edge_stats'> {
  const shown = strongestFirst(linked, slots).slice(0, cap);
  const edges = shown.map((slot) => {
    const [i, j] = linked.store.endpoints(slot);
    return {
      source: data.keys[i].id,
      target: data.keys[j].id,
      weight: round(linked.store.total(slot)),
      types: edgeTypes(linked, slot),
      evidence: explainEdge(linked.store, slot, linked.tables, maxValues),
    };
  });
  return {
    edges,
    edge_stats: {
      total: slots.length,
      shown: edges.length,
      dropped: slots.length - edges.length,
      cap,
      min_shown_weight: edges.length > 0 ? edges[edges.length - 1].weight : null,
    },
  };
}
