/**
 * Many graphs' ForceAtlas2 inputs in flat arrays, the unit of work one thread
 * lays out: at 150k clusters, one message per thread rather than one per
 * cluster. Each graph is laid out by forceLayout on its own, from its own
 * seed, so the positions do not depend on how graphs are split into batches.
 */
import { forceLayout, iterationsFor } from './force.ts';

/** One graph to lay out: nodes 0 … nodes−1 and its edges (see ForceInput), with its seed. */
export interface ForceGraph {
  nodes: number;
  source: Int32Array;
  target: Int32Array;
  weight: Float64Array;
  seed: number;
}

/** Graphs back to back: graph g has nodes[g] nodes and the edges edgeStart[g] … edgeStart[g + 1] − 1. */
export interface ForceBatch {
  nodes: Int32Array;
  seeds: Uint32Array;
  edgeStart: Int32Array;
  source: Int32Array;
  target: Int32Array;
  weight: Float64Array;
}

export function packBatch(graphs: ForceGraph[]): ForceBatch {
  const edgeStart = new Int32Array(graphs.length + 1);
  graphs.forEach((g, i) => (edgeStart[i + 1] = edgeStart[i] + g.source.length));
  const m = edgeStart[graphs.length];
  const batch: ForceBatch = {
    nodes: Int32Array.from(graphs, (g) => g.nodes),
    seeds: Uint32Array.from(graphs, (g) => g.seed),
    edgeStart,
    source: new Int32Array(m),
    target: new Int32Array(m),
    weight: new Float64Array(m),
  };
  graphs.forEach((g, i) => {
    batch.source.set(g.source, edgeStart[i]);
    batch.target.set(g.target, edgeStart[i]);
    batch.weight.set(g.weight, edgeStart[i]);
  });
  return batch;
}

/** Positions of every graph of the batch, back to back ([x0, y0, x1, y1, …] of graph 0, then graph 1, …). */
export function layBatch(batch: ForceBatch): Float64Array {
  let total = 0;
  for (const n of batch.nodes) total += n;
  const out = new Float64Array(2 * total);
  for (let g = 0, at = 0; g < batch.nodes.length; g++) {
    const [from, to] = [batch.edgeStart[g], batch.edgeStart[g + 1]];
    const input = {
      nodes: batch.nodes[g],
      source: batch.source.subarray(from, to),
      target: batch.target.subarray(from, to),
      weight: batch.weight.subarray(from, to),
    };
    out.set(forceLayout(input, batch.seeds[g]), at);
    at += 2 * batch.nodes[g];
  }
  return out;
}

/** Splits a batch's positions back into one array per graph. */
export function unpackPositions(nodes: ArrayLike<number>, positions: Float64Array): Float64Array[] {
  const out: Float64Array[] = [];
  for (let g = 0, at = 0; g < nodes.length; g++) {
    out.push(positions.subarray(at, at + 2 * nodes[g]));
    at += 2 * nodes[g];
  }
  return out;
}

/** The work of laying out a graph, in the units of iterationsFor: iterations × (n·log2 n + m). */
export function layoutCost(n: number, m: number): number {
  if (n < 2 || m === 0) return n;
  return iterationsFor(n, m) * (n * Math.log2(n + 1) + m);
}

/**
 * Where to cut graphs 0 … count−1, in order, into `parts` runs of about equal
 * cost: the start of each run and then `count` (parts + 1 numbers; a run may be empty).
 */
export function splitByCost(costs: ArrayLike<number>, parts: number): number[] {
  let total = 0;
  for (let i = 0; i < costs.length; i++) total += costs[i];
  const cuts = [0];
  let sum = 0;
  for (let i = 0; i < costs.length && cuts.length < parts; i++) {
    sum += costs[i];
    if (sum >= (total * cuts.length) / parts) cuts.push(i + 1);
  }
  while (cuts.length <= parts) cuts.push(costs.length);
  return cuts;
}
