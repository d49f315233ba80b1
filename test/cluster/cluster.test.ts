import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import { describe, expect, it } from 'vitest';
import { cluster } from '../../src/cluster/index.ts';
import { splitDisconnected } from '../../src/cluster/components.ts';
import { edgeList } from '../../src/cluster/edge-list.ts';
import { DEFAULT_CONFIG } from '../../src/config/schema.ts';
import { link } from '../../src/link/index.ts';
import { createRng } from '../../src/util/rng.ts';
import { acct, config, dataset, ev } from '../helpers/records.ts';

/** Two 6-cliques joined by one light edge. */
function twoCliques(): { edges: [number, number][]; weights: number[] } {
  const edges: [number, number][] = [];
  for (const base of [0, 6]) for (let i = 0; i < 6; i++) for (let j = i + 1; j < 6; j++) edges.push([base + i, base + j]);
  edges.push([5, 6]);
  return { edges, weights: edges.map((_, e) => (e === edges.length - 1 ? 0.1 : 1)) };
}

describe('cluster', () => {
  it('finds two cliques joined by a light edge', () => {
    const { edges, weights } = twoCliques();
    const result = cluster(12, edges, weights, DEFAULT_CONFIG, 1);
    expect(result.clusters).toEqual([[0, 1, 2, 3, 4, 5], [6, 7, 8, 9, 10, 11]]);
    expect(result.modularity).toBeGreaterThan(0.4);
  });

  it('reports the same modularity as an independent computation', () => {
    const { edges, weights } = twoCliques();
    const result = cluster(12, edges, weights, DEFAULT_CONFIG, 1);
    // Q = Σ_c [ L_c / m − γ (d_c / 2m)² ]
    const m = weights.reduce((a, b) => a + b, 0);
    const side = (n: number) => (n < 6 ? 0 : 1);
    const inside = [0, 0];
    const degree = [0, 0];
    edges.forEach(([a, b], e) => {
      if (side(a) === side(b)) inside[side(a)] += weights[e];
      degree[side(a)] += weights[e];
      degree[side(b)] += weights[e];
    });
    const gamma = DEFAULT_CONFIG.cluster.resolution;
    const q = [0, 1].reduce((acc, c) => acc + inside[c] / m - gamma * (degree[c] / (2 * m)) ** 2, 0);
    expect(result.modularity).toBeCloseTo(q, 6);
  });

  it('drops clusters under the minimum size', () => {
    const result = cluster(4, [[0, 1], [2, 3]], [1, 1], config({ cluster: { minSize: 3 } }), 1);
    expect(result.clusters).toEqual([]);
  });

  it('gives the same clusters for the same seed', () => {
    const { edges, weights } = twoCliques();
    expect(cluster(12, edges, weights, DEFAULT_CONFIG, 7)).toEqual(cluster(12, edges, weights, DEFAULT_CONFIG, 7));
  });

  it('keeps a clique of shared cards together and away from a hub', () => {
    // Every ring account pays with the shared card pm_0, and half also with pm_1.
    const accounts = Array.from({ length: 8 }, (_, i) => acct({ account_id: `ring${i}`, payment_fingerprint: 'pm_0' }));
    const events = accounts.flatMap((a) => [ev({ key_id: `${a.account_id}-k1`, account_id: a.account_id, ip: '198.51.100.1' }), ev({ key_id: `${a.account_id}-k2`, account_id: a.account_id })]);
    // 60 strangers on the same (hub) IP.
    for (let i = 0; i < 8; i += 2) accounts.push(acct({ account_id: `ring${i}`, payment_fingerprint: 'pm_1' }));
    // Other customers with two keys each: modularity needs a graph beyond the ring.
    for (let i = 0; i < 300; i++) events.push(ev({ key_id: `c${i}-k1`, account_id: `c${i}` }), ev({ key_id: `c${i}-k2`, account_id: `c${i}` }));
    for (let i = 0; i < 60; i++) events.push(ev({ key_id: `s${i}`, account_id: `s${i}`, ip: '198.51.100.1' }));
    const data = dataset(events, accounts);
    const linked = link(data, DEFAULT_CONFIG);
    const edges = linked.kept.map((s) => linked.store.endpoints(s));
    const result = cluster(data.keys.length, edges, linked.kept.map((s) => linked.store.total(s)), DEFAULT_CONFIG, 1);
    const ring = result.clusters.filter((c) => c.length > 2);
    expect(ring).toHaveLength(1);
    expect(ring[0].map((i) => data.keys[i].id).sort()).toEqual(
      Array.from({ length: 8 }, (_, i) => [`ring${i}-k1`, `ring${i}-k2`]).flat().sort(),
    );
  });
});

describe('splitDisconnected', () => {
  it('splits a community whose parts touch only through others', () => {
    // 0-1 and 3-4 labelled one community, joined only through node 2 of another.
    const community = Int32Array.of(0, 0, 1, 0, 0);
    const parts = splitDisconnected(5, edgeList([[0, 1], [1, 2], [2, 3], [3, 4]], [1, 1, 1, 1]), community);
    expect(parts).toEqual([[0, 1], [2], [3, 4]]);
  });

  it('agrees with graphology-communities-louvain on a connected graph', () => {
    const g = new Graph({ type: 'undirected' });
    for (let i = 0; i < 10; i++) g.addNode(i);
    for (let i = 0; i < 9; i++) g.addEdge(i, i + 1);
    const communities = louvain(g, { rng: createRng(3) });
    expect(Object.keys(communities)).toHaveLength(10);
  });
});
