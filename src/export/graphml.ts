/**
 * GraphML (graphml.graphdrawing.org), written here: graphology-graphml only
 * parses. Keys are declared with their types; every text is XML-escaped.
 */
import type { ExportGraph } from './graph-data.ts';
import { escapeXml } from './xml.ts';

const NODE_KEYS = [
  ['cluster', 'string'],
  ['rank', 'int'],
  ['risk', 'double'],
  ['account', 'string'],
  ['requests', 'long'],
] as const;
const EDGE_KEYS = [
  ['weight', 'double'],
  ['cluster', 'string'],
  ['types', 'string'],
  ['evidence', 'string'],
] as const;

export function toGraphml(g: ExportGraph): string {
  return [...graphmlLines(g)].join('\n') + '\n';
}

/** GraphML lines (without line ends), so a large graph can stream to a file. */
export function* graphmlLines(g: ExportGraph): Generator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>';
  yield '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">';
  for (const [name, type] of NODE_KEYS) yield (`  <key id="n_${name}" for="node" attr.name="${name}" attr.type="${type}"/>`);
  for (const [name, type] of EDGE_KEYS) yield (`  <key id="e_${name}" for="edge" attr.name="${name}" attr.type="${type}"/>`);
  yield ('  <graph id="sybilscope" edgedefault="undirected">');
  const ids = new Set<string>();
  for (const n of g.nodes) {
    if (ids.has(n.id)) continue;
    ids.add(n.id);
    yield (`    <node id="${escapeXml(n.id)}">`);
    for (const [name] of NODE_KEYS) yield (`      <data key="n_${name}">${escapeXml(String(n[name]))}</data>`);
    yield ('    </node>');
  }
  let i = 0;
  for (const e of g.edges) {
    if (!ids.has(e.source) || !ids.has(e.target)) continue;
    yield (`    <edge id="e${i++}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}">`);
    for (const [name] of EDGE_KEYS) yield (`      <data key="e_${name}">${escapeXml(String(e[name]))}</data>`);
    yield ('    </edge>');
  }
  yield '  </graph>';
  yield '</graphml>';
}
