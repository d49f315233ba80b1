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
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const [name, type] of NODE_KEYS) out.push(`  <key id="n_${name}" for="node" attr.name="${name}" attr.type="${type}"/>`);
  for (const [name, type] of EDGE_KEYS) out.push(`  <key id="e_${name}" for="edge" attr.name="${name}" attr.type="${type}"/>`);
  out.push('  <graph id="sybilscope" edgedefault="undirected">');
  const ids = new Set<string>();
  for (const n of g.nodes) {
    if (ids.has(n.id)) continue;
    ids.add(n.id);
    out.push(`    <node id="${escapeXml(n.id)}">`);
    for (const [name] of NODE_KEYS) out.push(`      <data key="n_${name}">${escapeXml(String(n[name]))}</data>`);
    out.push('    </node>');
  }
  let i = 0;
  for (const e of g.edges) {
    if (!ids.has(e.source) || !ids.has(e.target)) continue;
    out.push(`    <edge id="e${i++}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}">`);
    for (const [name] of EDGE_KEYS) out.push(`      <data key="e_${name}">${escapeXml(String(e[name]))}</data>`);
    out.push('    </edge>');
  }
  out.push('  </graph>', '</graphml>');
  return out.join('\n') + '\n';
}
