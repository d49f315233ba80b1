/**
 * ForceAtlas2 (Jacomy et al. 2014, graphology-layout-forceatlas2), run
 * synchronously for a fixed number of iterations from seeded random
 * positions, so a graph given in the same order gives the same layout. The
 * result is rounded to two decimals: byte-stable in the output files.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { createRng } from '../util/rng.ts';
import { roundTo } from '../util/stats.ts';

export interface ForceInput {
  /** Nodes are 0 … n−1. */
  nodes: number;
  /** Edges as endpoint pairs with a positive weight; pairs are distinct. */
  source: ArrayLike<number>;
  target: ArrayLike<number>;
  weight: ArrayLike<number>;
}

/** Iterations for a graph of `n` nodes: fewer on big graphs, where each costs more. */
export function iterationsFor(n: number): number {
  return n <= 500 ? 300 : n <= 5_000 ? 120 : 50;
}

/** Positions as [x0, y0, x1, y1, …], rounded to 2 decimals. */
export function forceLayout(input: ForceInput, seed: number): Float64Array {
  const { nodes: n } = input;
  const rng = createRng(seed);
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  // Random start in a disc whose area grows with n, so the first steps are not explosive.
  const radius = 10 * Math.sqrt(n);
  for (let i = 0; i < n; i++) {
    const angle = 2 * Math.PI * rng();
    const r = radius * Math.sqrt(rng());
    graph.addNode(String(i), { x: r * Math.cos(angle), y: r * Math.sin(angle) });
  }
  for (let e = 0; e < input.source.length; e++)
    graph.addEdge(String(input.source[e]), String(input.target[e]), { weight: input.weight[e] });
  const out = new Float64Array(2 * n);
  if (n > 1) {
    const settings = { ...forceAtlas2.inferSettings(n), barnesHutOptimize: n > 1_000 };
    forceAtlas2.assign(graph, { iterations: iterationsFor(n), settings, getEdgeWeight: 'weight' });
  }
  for (let i = 0; i < n; i++) {
    const a = graph.getNodeAttributes(String(i));
    out[2 * i] = roundTo(a.x, 2) || 0; // no -0 in the files
    out[2 * i + 1] = roundTo(a.y, 2) || 0;
  }
  return out;
}
