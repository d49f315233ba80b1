import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import { describe, expect, it } from 'vitest';
import { edgeList, keptEdges, type EdgeList } from '../../src/cluster/edge-list.ts';
import { LouvainGraph } from '../../src/cluster/louvain-graph.ts';
import { EdgeStore } from '../../src/link/edge-store.ts';
import { createRng } from '../../src/util/rng.ts';

/** The construction the view replaces: nodes with an edge ascending, then edges in list order with a weight attribute. */
function graphOf(nodes: number, edges: EdgeList): Graph {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  const inGraph = new Uint8Array(nodes);
  edges.source.forEach((a, e) => (inGraph[a] = inGraph[edges.target[e]] = 1));
  for (let i = 0; i < nodes; i++) if (inGraph[i]) graph.addNode(i);
  edges.source.forEach((a, e) => graph.addUndirectedEdge(a, edges.target[e], { weight: edges.weight[e] }));
  return graph;
}

/** Planted groups with noise between them and skewed weights, some nodes left without edges; pairs in (a, b) order. */
function randomEdges(nodes: number, seed: number): EdgeList {
  const rng = createRng(seed);
  const store = new EdgeStore(nodes, 1);
  for (let start = 0; start < nodes; start += 12) {
    for (let k = 0; k < 40; k++) {
      const a = start + Math.floor(rng() * 12);
      const b = start + Math.floor(rng() * 12);
      if (a !== b && a < nodes - 5 && b < nodes - 5) store.add(a, b, 0, Math.exp(2 * rng()));
    }
  }
  for (let k = 0; k < nodes; k++) {
    const a = Math.floor(rng() * (nodes - 5));
    const b = Math.floor(rng() * (nodes - 5));
    if (a !== b) store.add(a, b, 0, 0.2 * rng());
  }
  return keptEdges(store, store.kept(0));
}

describe('LouvainGraph', () => {
  it('iterates the nodes, degrees and edges a Graph built edge by edge does, in the same order', () => {
    const edges = randomEdges(300, 1);
    const view = new LouvainGraph(300, edges);
    const graph = graphOf(300, edges);
    expect(view.order).toBe(graph.order);
    expect(view.size).toBe(graph.size);
    const nodes: [string, number][] = [];
    view.forEachNode((node) => nodes.push([String(node), view.undirectedDegreeWithoutSelfLoops(node)]));
    const expected: [string, number][] = [];
    graph.forEachNode((node) => expected.push([node, graph.undirectedDegreeWithoutSelfLoops(node)]));
    expect(nodes).toEqual(expected);
    const viewEdges: [string, string, number][] = [];
    view.forEachEdge((e, _a, s, t) => viewEdges.push([String(s), String(t), edges.weight[e]]));
    const graphEdges: [string, string, number][] = [];
    graph.forEachEdge((_e, a, s, t) => graphEdges.push([s, t, a.weight as number]));
    expect(viewEdges).toEqual(graphEdges);
  });

  it('gives Louvain the same communities and modularity as the Graph', () => {
    for (const seed of [1, 2, 3]) {
      const edges = randomEdges(600, seed);
      const viaView = louvain.detailed(new LouvainGraph(600, edges) as unknown as Graph, {
        getEdgeWeight: (e) => edges.weight[e as unknown as number],
        resolution: 0.3,
        rng: createRng(seed),
      });
      const viaGraph = louvain.detailed(graphOf(600, edges), { getEdgeWeight: 'weight', resolution: 0.3, rng: createRng(seed) });
      expect(viaView.count).toBe(viaGraph.count);
      expect(viaView.modularity).toBe(viaGraph.modularity);
      expect({ ...viaView.communities }).toEqual(viaGraph.communities);
    }
  });

  it('is read-only', () => {
    const view = new LouvainGraph(2, edgeList([[0, 1]], [1]));
    expect(() => view.dropNode()).toThrow(/read-only/);
  });
});

describe('keptEdges', () => {
  it('copies the slots in the given order with their total weight', () => {
    const store = new EdgeStore(4, 2);
    store.add(2, 3, 0, 1);
    store.add(1, 0, 1, 2);
    store.add(0, 1, 0, 0.5);
    const edges = keptEdges(store, [1, 0]);
    expect([...edges.source]).toEqual([0, 2]);
    expect([...edges.target]).toEqual([1, 3]);
    expect([...edges.weight]).toEqual([2.5, 1]);
  });
});
