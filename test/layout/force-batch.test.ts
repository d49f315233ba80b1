/**
 * Laying out many clusters at once, on this thread or on workers: the same
 * positions as forceLayout on each graph alone, whatever the split.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/schema.ts';
import { layBatch, layoutCost, packBatch, splitByCost, unpackPositions, type ForceGraph } from '../../src/layout/force-batch.ts';
import { placeGraphs, placeGraphsOnCores } from '../../src/layout/cluster-positions.ts';
import { forceLayout } from '../../src/layout/force.ts';
import { layoutOnCores } from '../../src/layout/index.ts';
import { createRng } from '../../src/util/rng.ts';
import { acct, ev, T0 } from '../helpers/records.ts';
import { runStages } from './stages.ts';

function randomGraphs(count: number, seed: number): ForceGraph[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, (_, g) => {
    const n = 1 + Math.floor(rng() ** 3 * 60);
    const pairs = new Set<number>();
    for (let tries = 0; tries < 3 * n; tries++) {
      const a = Math.floor(rng() * n);
      const b = Math.floor(rng() * n);
      if (a !== b) pairs.add(Math.min(a, b) * n + Math.max(a, b));
    }
    const list = [...pairs];
    return {
      nodes: n,
      source: Int32Array.from(list, (p) => Math.floor(p / n)),
      target: Int32Array.from(list, (p) => p % n),
      weight: Float64Array.from(list, () => 0.5 + rng() * 5),
      seed: (seed * 1_000 + g) >>> 0,
    };
  });
}

describe('splitByCost', () => {
  it('cuts in order into runs of about equal cost that cover every graph', () => {
    const costs = Array.from({ length: 100 }, (_, i) => 1 + (i % 7));
    const cuts = splitByCost(costs, 4);
    expect(cuts).toHaveLength(5);
    expect(cuts[0]).toBe(0);
    expect(cuts[4]).toBe(100);
    const total = costs.reduce((a, b) => a + b, 0);
    for (let w = 0; w < 4; w++) {
      expect(cuts[w + 1]).toBeGreaterThanOrEqual(cuts[w]);
      const run = costs.slice(cuts[w], cuts[w + 1]).reduce((a, b) => a + b, 0);
      expect(Math.abs(run - total / 4)).toBeLessThanOrEqual(7);
    }
  });

  it('leaves runs empty when there are more parts than graphs', () => {
    expect(splitByCost([5, 5], 4)).toEqual([0, 1, 2, 2, 2]);
    expect(splitByCost([], 2)).toEqual([0, 0, 0]);
  });

  it('costs a graph without edges its nodes, and a bigger graph more', () => {
    expect(layoutCost(7, 0)).toBe(7);
    expect(layoutCost(100, 300)).toBeGreaterThan(layoutCost(10, 30));
  });
});

describe('a batch of graphs', () => {
  const graphs = randomGraphs(40, 3);

  it('gets, graph by graph, the positions forceLayout gives each alone', () => {
    const positions = unpackPositions(
      graphs.map((g) => g.nodes),
      layBatch(packBatch(graphs)),
    );
    expect(positions).toHaveLength(graphs.length);
    graphs.forEach((g, i) => expect([...positions[i]], `graph ${i}`).toEqual([...forceLayout(g, g.seed)]));
  });

  it('gets the same positions on three worker threads as on this one', async () => {
    const here = placeGraphs(graphs);
    const there = await placeGraphsOnCores(graphs, 3);
    expect(there.map((p) => [...p])).toEqual(here.map((p) => [...p]));
    // More threads than graphs: empty runs start no thread.
    expect((await placeGraphsOnCores(graphs.slice(0, 2), 4)).map((p) => [...p])).toEqual(here.slice(0, 2).map((p) => [...p]));
  });
});

describe('layoutOnCores', () => {
  it('writes the view layout() writes, keys placed', async () => {
    // Three rings of five keys, each on its own card.
    const rings = ['A', 'B', 'C'];
    const accounts = rings.flatMap((r) => [0, 1, 2, 3, 4].map((i) => acct({ account_id: `${r}${i}`, payment_fingerprint: `pm_${r}` })));
    const events = rings.flatMap((r) => [0, 1, 2, 3, 4].map((i) => ev({ key_id: `${r.toLowerCase()}${i}`, account_id: `${r}${i}`, timestamp: T0 + i * 60_000 })));
    const run = runStages(events, accounts);
    expect(run.view.clusters).toHaveLength(3);
    const input = { data: run.data, linked: run.linked, clusters: run.clusters, templates: null, config: DEFAULT_CONFIG, seed: 1 };
    const view = await layoutOnCores(input, 2);
    expect(view).toEqual(run.view);
    expect(view.clusters.every((f) => f.nodes.some((n) => n.x !== 0 || n.y !== 0))).toBe(true);
  });
});
