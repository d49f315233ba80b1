import { describe, expect, it } from 'vitest';
import { addClusterEdges, clusterGraph, overviewGraph, typesByWeight } from '../../viewer/src/graphs.ts';
import type { ClusterEdge, ClusterFile, OverviewFile } from '../../viewer/src/types.ts';

const node = (id: string) => ({ id, account: 'a', x: 0, y: 0, size: 3, color: '#112233' }) as unknown as ClusterFile['nodes'][number];
const edge = (source: string, target: string, weight: number, evidence: ClusterEdge['evidence']): ClusterEdge => ({
  source,
  target,
  weight,
  types: Object.keys(evidence) as ClusterEdge['types'],
  evidence,
});
const ev = (weight: number) => ({ weight, shared: 1, values: [{ value: 'v', accounts: 1, keys: 2 }] });

describe('graphs from view files', () => {
  const file = {
    nodes: ['a', 'b', 'c', 'd'].map(node),
    edges: [edge('a', 'b', 5, { payment: ev(3), ip: ev(2) }), edge('b', 'c', 3, { prefix: ev(0.1), template: ev(2.9) }), edge('c', 'd', 1, { ip: ev(1) }), edge('a', 'x', 1, { ip: ev(1) })],
  } as unknown as ClusterFile;

  it('orders an edge’s types by weight, ties in the legend’s order', () => {
    expect(typesByWeight(file.edges[1])).toEqual(['template', 'prefix']);
    expect(typesByWeight(edge('a', 'b', 2, { ip: ev(1), account: ev(1) }))).toEqual(['account', 'ip']);
  });

  it('a cluster graph takes the strongest edges first, the rest can be appended, and unknown endpoints are skipped', () => {
    const graph = clusterGraph(file, 2);
    expect(graph.order).toBe(4);
    expect(graph.size).toBe(2);
    expect(graph.hasEdge('a', 'b') && graph.hasEdge('b', 'c')).toBe(true);
    expect(graph.getEdgeAttributes('a', 'b').types).toEqual(['payment', 'ip']);
    expect(addClusterEdges(graph, file, 2)).toBe(3); // c–d added, a–x (x not a key) skipped
    expect(clusterGraph(file).size).toBe(3);
  });

  it('the overview has one node per cluster with rank and risk, and links between them', () => {
    const overview = {
      nodes: [
        { id: 'c_0000000001', rank: 1, risk: 0.9, keys: 5, accounts: 2, requests: 9, first_reason: 'r', x: 0, y: 0, size: 9, color: '#ff0000' },
        { id: 'c_0000000002', rank: 2, risk: 0.2, keys: 3, accounts: 1, requests: 4, first_reason: null, x: 1, y: 1, size: 5, color: '#00ff00' },
      ],
      links: [{ source: 'c_0000000001', target: 'c_0000000002', weight: 2, edges: 1, types: ['ip', 'payment'] }],
    } as unknown as OverviewFile;
    const graph = overviewGraph(overview);
    expect(graph.getNodeAttributes('c_0000000001')).toMatchObject({ label: '#1', rank: 1, risk: 0.9, size: 9 });
    expect(graph.getEdgeAttributes('c_0000000001', 'c_0000000002')).toMatchObject({ types: ['payment', 'ip'], risk: 0.2 });
  });
});
