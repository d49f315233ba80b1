/**
 * Clustering: Louvain (Blondel et al. 2008, graphology-communities-louvain)
 * over the kept edges with a seeded rng, then disconnected communities split
 * and small ones dropped. An optional refinement (weak-member removal, see
 * support.ts) runs on each community before the final split. Nodes and edges enter the graph in key order, so
 * the result depends only on the edges and the seed, never on row order.
 * Louvain reads the edge list through a typed-array view (louvain-graph.ts),
 * not a graphology Graph: same index, same result, a fraction of the time and memory.
 */
import type Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import type { Config } from '../config/schema.ts';
import { createRng } from '../util/rng.ts';
import { splitDisconnected } from './components.ts';
import { edgeList, type EdgeList } from './edge-list.ts';
import { LouvainGraph } from './louvain-graph.ts';

export { edgeList, keptEdges, type EdgeList } from './edge-list.ts';

export interface Clustering {
  /** Clusters of at least minSize keys, each ascending, ordered by first member. */
  clusters: number[][];
  modularity: number;
  communities: number;
  /** Communities split because they were not connected. */
  split: number;
  /** Keys dropped from their cluster by the refinement (weak members). */
  peeled: number;
  nodesInGraph: number;
}

/** A refinement applied to each connected community, returning the members to keep. */
export type Refine = (members: number[]) => number[];

/** Clusters of `nodes` keys linked by `edges` ([a, b] pairs) weighing `weights`. */
export function cluster(
  nodes: number,
  edges: ReadonlyArray<readonly [number, number]>,
  weights: ArrayLike<number>,
  config: Config,
  seed: number,
  refine?: Refine,
): Clustering {
  return clusterEdges(nodes, edgeList(edges, weights), config, seed, refine);
}

/** `cluster` over an edge list of typed arrays (the pipeline's form: no object per edge). */
export function clusterEdges(nodes: number, edges: EdgeList, config: Config, seed: number, refine?: Refine): Clustering {
  const graph = new LouvainGraph(nodes, edges);
  const community = new Int32Array(nodes).fill(-1);
  let modularity = 0;
  let communities = 0;
  if (graph.size > 0) {
    const { weight } = edges;
    // The view stands in for a Graph: Louvain reads only what LouvainGraph implements.
    const result = louvain.detailed(graph as unknown as Graph, {
      getEdgeWeight: (edge) => weight[edge as unknown as number],
      resolution: config.cluster.resolution,
      rng: createRng(seed),
    });
    modularity = result.modularity;
    communities = result.count;
    const assigned = result.communities;
    for (let i = 0; i < nodes; i++) if (graph.degree[i] > 0) community[i] = assigned[i];
  }
  let parts = splitDisconnected(nodes, edges, community);
  const split = parts.length - communities;
  let peeled = 0;
  if (refine) {
    // Members a refinement drops leave their community; what remains may fall apart, so split again.
    community.fill(-1);
    parts.forEach((part, c) => {
      const kept = part.length >= config.cluster.minSize ? refine(part) : part;
      peeled += part.length - kept.length;
      for (const node of kept) community[node] = c;
    });
    parts = splitDisconnected(nodes, edges, community);
  }
  const clusters = parts.filter((p) => p.length >= config.cluster.minSize);
  return { clusters, modularity, communities, split, peeled, nodesInGraph: graph.order };
}
