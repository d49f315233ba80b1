/**
 * Propagation of an actor's label from the keys its indicators matched to
 * the rest of their cluster, over the cluster's kept edges. Each key takes
 * the strongest path from a matched key, where a path's strength is the
 * product of its edges' strengths and an edge of weight w passes
 * min(1, w / firmWeight) of the label: one shared card (weight 3) or signup IP
 * (1.5) passes it whole, a lone shared IP seen at different times (0.4 + its
 * /24) passes a third. This is label propagation with max-product
 * (widest-path) updates rather than averaging, computed exactly by Dijkstra's
 * algorithm on −log strength; unlike personalised PageRank its result reads
 * as a path an analyst can follow ("propagated from key … over N edges"),
 * and a large well-linked cluster is not diluted by its size.
 */

export interface ClusterGraph {
  /** Key indices of the cluster, ascending. */
  members: Int32Array;
  /** Internal kept edges as local indices into `members`, with total weights. */
  source: Int32Array;
  target: Int32Array;
  weight: Float64Array;
}

export interface Propagated {
  /** Label per member, in [0, 1]; 1 on matched keys. */
  label: Float64Array;
  /** Members with label ≥ 0.5. */
  reached: number;
  /** Edges on the strongest paths to reached members (each reached non-seed member adds one). */
  edges: number;
  /** Mean label. */
  share: number;
}

/** Binary max-heap of (label, local index), ties to the smaller index. */
class Heap {
  private items: Array<[number, number]> = [];
  get size() {
    return this.items.length;
  }
  private before(a: [number, number], b: [number, number]) {
    return a[0] > b[0] || (a[0] === b[0] && a[1] < b[1]);
  }
  push(x: [number, number]) {
    const h = this.items;
    h.push(x);
    for (let i = h.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (!this.before(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }
  pop(): [number, number] {
    const h = this.items;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.before(h[l]!, h[m]!)) m = l;
        if (r < h.length && this.before(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}

export function propagate(graph: ClusterGraph, seeds: ReadonlySet<number>, firmWeight: number): Propagated {
  const n = graph.members.length;
  const adjacency: Array<Array<[number, number]>> = Array.from({ length: n }, () => []);
  for (let e = 0; e < graph.source.length; e++) {
    const s = Math.min(1, graph.weight[e] / firmWeight);
    adjacency[graph.source[e]].push([graph.target[e], s]);
    adjacency[graph.target[e]].push([graph.source[e], s]);
  }
  const label = new Float64Array(n);
  const done = new Uint8Array(n);
  const heap = new Heap();
  graph.members.forEach((key, m) => {
    if (seeds.has(key)) {
      label[m] = 1;
      heap.push([1, m]);
    }
  });
  while (heap.size > 0) {
    const [l, m] = heap.pop();
    if (done[m] === 1 || l < label[m]) continue;
    done[m] = 1;
    for (const [q, s] of adjacency[m]) {
      const next = l * s;
      if (next > label[q]) {
        label[q] = next;
        heap.push([next, q]);
      }
    }
  }
  let reached = 0;
  let seedCount = 0;
  let sum = 0;
  graph.members.forEach((key, m) => {
    sum += label[m];
    if (label[m] >= 0.5) reached++;
    if (seeds.has(key)) seedCount++;
  });
  return { label, reached, edges: reached - seedCount, share: n === 0 ? 0 : sum / n };
}
