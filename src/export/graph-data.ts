/**
 * The graph that GEXF and GraphML export: the keys of the selected clusters
 * and the kept edges between them (edges.jsonl), with cluster, risk and
 * evidence as attributes. Nodes by cluster rank then key; edges in file order.
 */
import type { EdgeRow } from '../report/scan-edges.ts';

export interface ExportNode {
  id: string;
  cluster: string;
  rank: number;
  risk: number;
  account: string;
  requests: number;
}

export interface ExportEdge {
  source: string;
  target: string;
  weight: number;
  /** Cluster of both ends, or '' for an edge between clusters. */
  cluster: string;
  /** Evidence types, comma-separated. */
  types: string;
  /** Why the two keys are linked: `type=value (N accounts)`, separated by `; `. */
  evidence: string;
}

export interface ExportGraph {
  nodes: ExportNode[];
  edges: ExportEdge[];
}

/** Longest evidence text per edge attribute. */
export const MAX_EVIDENCE_CHARS = 1000;

/** An edge of edges.jsonl as the exports write it (called while scanning, so the parsed row can go). */
export function exportEdge(e: EdgeRow): ExportEdge {
  const types = Object.keys(e.evidence);
  let evidence = types
    .flatMap((t) => e.evidence[t].values.map((v) => `${t}=${v.value} (${v.accounts} account${v.accounts === 1 ? '' : 's'})`))
    .join('; ');
  if (evidence.length > MAX_EVIDENCE_CHARS) evidence = evidence.slice(0, MAX_EVIDENCE_CHARS - 1) + '…';
  return { source: e.source, target: e.target, weight: e.weight, cluster: e.cluster ?? '', types: types.join(','), evidence };
}
