/**
 * Graphology graphs from the view files, as they are: positions, sizes and colours were computed
 * at build time. Edge types are ordered strongest first so that the reducers colour an edge by
 * the strongest evidence the filters leave shown.
 */
import Graph from 'graphology';
import type { ViewGraph } from './graph-view.ts';
import type { EdgeAttributes, NodeAttributes } from './reducers.ts';
import { EVIDENCE_ORDER } from './state.ts';
import type { ClusterEdge, ClusterFile, OverviewFile, ViewEvidenceType } from './types.ts';

const edgeSize = (weight: number, scale: number) => Math.min(8, 0.6 + Math.log1p(weight / scale) * 1.4);

const newGraph = (): ViewGraph => new Graph<NodeAttributes, EdgeAttributes>({ type: 'undirected', multi: false });

/** The overview: one node per cluster, links between clusters (into `graph`, empty, when given). */
export function overviewGraph(overview: OverviewFile, graph: ViewGraph = newGraph()): ViewGraph {
  const risk = new Map<string, number>();
  for (const node of overview.nodes) {
    risk.set(node.id, node.risk);
    graph.addNode(node.id, { label: `#${node.rank}`, x: node.x, y: node.y, size: node.size, color: node.color, risk: node.risk, rank: node.rank });
  }
  const median = medianOf(overview.links.map((l) => l.weight)) || 1;
  for (const link of overview.links) {
    if (!graph.hasNode(link.source) || !graph.hasNode(link.target) || graph.hasEdge(link.source, link.target)) continue;
    graph.addEdge(link.source, link.target, {
      weight: link.weight,
      size: edgeSize(link.weight, median),
      types: EVIDENCE_ORDER.filter((t) => link.types.includes(t)),
      risk: Math.min(risk.get(link.source) ?? 0, risk.get(link.target) ?? 0),
    });
  }
  return graph;
}

/** Evidence types of an edge, heaviest first (ties in the legend's order). */
export function typesByWeight(edge: ClusterEdge): ViewEvidenceType[] {
  return edge.types
    .slice()
    .sort((a, b) => (edge.evidence[b]?.weight ?? 0) - (edge.evidence[a]?.weight ?? 0) || EVIDENCE_ORDER.indexOf(a) - EVIDENCE_ORDER.indexOf(b));
}

/** Edges drawn in the first paint of a cluster; the rest follow a frame later. */
export const FIRST_EDGES = 3000;

/**
 * A cluster's keys and its strongest `limit` edges (into `graph`, empty, when given) (the file lists them strongest first), so that
 * a huge cluster paints its backbone at once; `addClusterEdges` appends the rest.
 */
export function clusterGraph(file: ClusterFile, limit = Infinity, graph: ViewGraph = newGraph()): ViewGraph {
  for (const node of file.nodes) {
    graph.addNode(node.id, { label: node.id, x: node.x, y: node.y, size: node.size, color: node.color });
  }
  addClusterEdges(graph, file, 0, limit);
  return graph;
}

/** Add the file's edges [from, to) to a cluster graph; returns how many the graph now has. */
export function addClusterEdges(graph: ViewGraph, file: ClusterFile, from: number, to = Infinity): number {
  const median = medianOf(file.edges.map((e) => e.weight)) || 1;
  const end = Math.min(to, file.edges.length);
  for (let i = from; i < end; i++) {
    const edge = file.edges[i];
    if (!graph.hasNode(edge.source) || !graph.hasNode(edge.target) || graph.hasEdge(edge.source, edge.target)) continue;
    graph.addEdge(edge.source, edge.target, { weight: edge.weight, size: edgeSize(edge.weight, median), types: typesByWeight(edge) });
  }
  return graph.size;
}

function medianOf(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}
