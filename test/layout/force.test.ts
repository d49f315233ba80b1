import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { describe, expect, it } from 'vitest';
import { forceLayout, iterationsFor, spiral, type ForceInput } from '../../src/layout/force.ts';
import { createRng } from '../../src/util/rng.ts';
import { roundTo } from '../../src/util/stats.ts';

/** What forceLayout gave when it built a graphology Graph and called ForceAtlas2's own entry point. */
function throughGraph(input: ForceInput, start: Float64Array): Float64Array {
  const n = input.nodes;
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (let i = 0; i < n; i++) graph.addNode(String(i), { x: start[2 * i], y: start[2 * i + 1] });
  for (let e = 0; e < input.source.length; e++) graph.addEdge(String(input.source[e]), String(input.target[e]), { weight: input.weight[e] });
  if (n > 1 && input.source.length > 0) {
    const settings = { ...forceAtlas2.inferSettings(n), barnesHutOptimize: n > 1_000, barnesHutTheta: 1.2 };
    forceAtlas2.assign(graph, { iterations: iterationsFor(n, input.source.length), settings, getEdgeWeight: 'weight' });
  }
  const out = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const a = graph.getNodeAttributes(String(i));
    out[2 * i] = roundTo(a.x, 2) || 0;
    out[2 * i + 1] = roundTo(a.y, 2) || 0;
  }
  return out;
}

function randomGraph(seed: number, n: number, m: number): ForceInput {
  const rng = createRng(seed);
  const seen = new Set<string>();
  const source: number[] = [];
  const target: number[] = [];
  const weight: number[] = [];
  while (source.length < m) {
    const a = Math.floor(rng() * n);
    const b = Math.floor(rng() * n);
    if (a === b || seen.has(`${Math.min(a, b)} ${Math.max(a, b)}`)) continue;
    seen.add(`${Math.min(a, b)} ${Math.max(a, b)}`);
    source.push(a);
    target.push(b);
    weight.push(0.1 + rng() * 9);
  }
  return { nodes: n, source, target, weight };
}

describe('forceLayout', () => {
  it('places nodes exactly as ForceAtlas2 run on a graphology Graph does, Barnes–Hut included', () => {
    const cases: [number, number][] = [[2, 1], [3, 3], [12, 20], [80, 150], [1_200, 1_500]];
    for (const [n, m] of cases) {
      const input = randomGraph(n + m, n, m);
      const got = forceLayout(input, 5);
      expect([...got], `${n} nodes`).toEqual([...throughGraph(input, spiral(n, 5))]);
      expect(got.some((v, i) => v !== roundTo(spiral(n, 5)[i], 2)), `${n} nodes moved`).toBe(true);
    }
  });
});
