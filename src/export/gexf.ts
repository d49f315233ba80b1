/** GEXF 1.3 for Gephi, written by graphology-gexf from a graphology graph of the export. */
import Graph from 'graphology';
import { write } from 'graphology-gexf';
import type { ExportGraph } from './graph-data.ts';

/** Characters XML 1.0 cannot carry (most C0 controls, lone surrogates) become U+FFFD. */
const clean = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

export function toGexf(g: ExportGraph): string {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  graph.setAttribute('creator', 'sybilscope');
  graph.setAttribute('description', 'API keys of the selected clusters and the evidence that links them');
  for (const n of g.nodes)
    graph.addNode(clean(n.id), { label: clean(n.id), cluster: n.cluster, rank: n.rank, risk: n.risk, account: clean(n.account), requests: n.requests });
  // Edge keys chosen here: graphology's generated ones carry a per-process random prefix.
  let i = 0;
  for (const e of g.edges) {
    const s = clean(e.source);
    const t = clean(e.target);
    if (!graph.hasNode(s) || !graph.hasNode(t) || graph.hasEdge(s, t)) continue;
    graph.addEdgeWithKey(`e${i++}`, s, t, { weight: e.weight, cluster: e.cluster, types: e.types, evidence: clean(e.evidence) });
  }
  return write(graph, {
    version: '1.3',
    formatNode: (key, a) => ({ label: a.label as string, attributes: { cluster: a.cluster, rank: a.rank, risk: a.risk, account: a.account, requests: a.requests } }),
    formatEdge: (_key, a) => ({ weight: a.weight as number, attributes: { cluster: a.cluster, types: a.types, evidence: a.evidence } }),
  });
}
