/**
 * ForceAtlas2 (Jacomy et al. 2014, graphology-layout-forceatlas2), run
 * synchronously for a fixed number of iterations from seeded start positions
 * (a jittered spiral in node order: the overview gives clusters by rank, so
 * the riskiest start at the centre), so a graph given in the same order gives
 * the same layout. The
 * result is rounded to two decimals: byte-stable in the output files.
 */
import forceAtlas2 from 'graphology-layout-forceatlas2';
import DEFAULT_SETTINGS from 'graphology-layout-forceatlas2/defaults.js';
import iterate from 'graphology-layout-forceatlas2/iterate.js';
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
export function spiral(n: number, seed: number): Float64Array {
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

/** Puts nodes at their positions ([x0, y0, x1, y1, …] in node order). */
export function placeAt(nodes: Array<{ x: number; y: number }>, positions: Float64Array): void {
  nodes.forEach((node, i) => {
    node.x = positions[2 * i];
    node.y = positions[2 * i + 1];
  });
}

/** Floats per node and per edge in ForceAtlas2's matrices (graphology-layout-forceatlas2/helpers.js). */
const PPN = 10;
const PPE = 3;

/**
 * Positions as [x0, y0, x1, y1, …], rounded to 2 decimals.
 *
 * ForceAtlas2's own entry point reads a graphology Graph into two Float32
 * matrices and iterates on them; at 150k clusters, building a Graph for each
 * (string node keys, edge keys, attribute objects) cost as much as the
 * iterations of the small ones. The matrices are filled here directly, with
 * the same values in the same order as `graphToByteArrays` (nodes 0 … n−1,
 * edges in input order, a node's mass 1 plus its weighted degree, summed in
 * float32), so the positions are the same to the bit.
 */
export function forceLayout(input: ForceInput, seed: number): Float64Array {
  const { nodes: n } = input;
  const m = input.source.length;
  const start = spiral(n, seed);
  const out = new Float64Array(2 * n);
  // Without edges ForceAtlas2 only spreads the nodes apart: the spiral already does, at no cost.
  if (n > 1 && m > 0) {
    const nodes = new Float32Array(n * PPN);
    for (let i = 0, j = 0; i < n; i++, j += PPN) {
      nodes[j] = start[2 * i];
      nodes[j + 1] = start[2 * i + 1];
      nodes[j + 6] = 1; // mass
      nodes[j + 7] = 1; // convergence
      nodes[j + 8] = 1; // size
    }
    const edges = new Float32Array(m * PPE);
    for (let e = 0, j = 0; e < m; e++, j += PPE) {
      const s = input.source[e] * PPN;
      const t = input.target[e] * PPN;
      const w = input.weight[e];
      nodes[s + 6] += w;
      nodes[t + 6] += w;
      edges[j] = s;
      edges[j + 1] = t;
      edges[j + 2] = w;
    }
    // Barnes–Hut above 1,000 nodes with θ = 1.2, Gephi's default: half the time of graphology's 0.5 on 3,443 keys.
    const settings = { ...DEFAULT_SETTINGS, ...forceAtlas2.inferSettings(n), barnesHutOptimize: n > 1_000, barnesHutTheta: 1.2 };
    for (let it = iterationsFor(n, m); it > 0; it--) iterate(settings, nodes, edges);
    for (let i = 0; i < n; i++) {
      out[2 * i] = nodes[i * PPN];
      out[2 * i + 1] = nodes[i * PPN + 1];
    }
  } else out.set(start);
  for (let i = 0; i < 2 * n; i++) out[i] = roundTo(out[i], 2) || 0; // no -0 in the files
  return out;
}
