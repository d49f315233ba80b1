/**
 * ForceAtlas2 (Jacomy et al. 2014, graphology-layout-forceatlas2), run
 * synchronously for a fixed number of iterations from seeded start positions
 * (a jittered spiral in node order: the overview gives clusters by rank, so
 * the riskiest start at the centre), so a graph given in the same order gives
 * the same layout. The
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

/**
 * Iterations for a graph of `n` nodes and `m` edges: a fixed budget of work
 * (Barnes–Hut costs about n·log2 n an iteration, attraction m), between 50
 * and 300, so a cluster of thousands of keys does not take seconds.
 */
export function iterationsFor(n: number, m: number): number {
  const work = n * Math.log2(n + 1) + m;
  return Math.max(50, Math.min(300, Math.floor(2_000_000 / Math.max(1, work))));
}

/**
 * Start positions: a sunflower spiral (Vogel 1979) in node order, so node 0
 * sits at the centre, jittered by the seeded rng so no two nodes coincide.
 */
function spiral(n: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const golden = Math.PI * (3 - Math.sqrt(5));
  const out = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const r = 10 * Math.sqrt(i + 0.5);
    const a = i * golden + rng() * 0.5;
    out[2 * i] = r * Math.cos(a) + rng() - 0.5;
    out[2 * i + 1] = r * Math.sin(a) + rng() - 0.5;
  }
  return out;
}

/** Positions as [x0, y0, x1, y1, …], rounded to 2 decimals. */
export function forceLayout(input: ForceInput, seed: number): Float64Array {
  const { nodes: n } = input;
  const start = spiral(n, seed);
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (let i = 0; i < n; i++) graph.addNode(String(i), { x: start[2 * i], y: start[2 * i + 1] });
  for (let e = 0; e < input.source.length; e++)
    graph.addEdge(String(input.source[e]), String(input.target[e]), { weight: input.weight[e] });
  const out = new Float64Array(2 * n);
  // Without edges ForceAtlas2 only spreads the nodes apart: the spiral already does, at no cost.
  if (n > 1 && input.source.length > 0) {
    // Barnes–Hut above 1,000 nodes with θ = 1.2, Gephi's default: half the time of graphology's 0.5 on 3,443 keys.
    const settings = { ...forceAtlas2.inferSettings(n), barnesHutOptimize: n > 1_000, barnesHutTheta: 1.2 };
    forceAtlas2.assign(graph, { iterations: iterationsFor(n, input.source.length), settings, getEdgeWeight: 'weight' });
  }
  for (let i = 0; i < n; i++) {
    const a = graph.getNodeAttributes(String(i));
    out[2 * i] = roundTo(a.x, 2) || 0; // no -0 in the files
    out[2 * i + 1] = roundTo(a.y, 2) || 0;
  }
  return out;
}
