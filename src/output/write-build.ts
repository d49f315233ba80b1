/**
 * The files of a build: clusters.json, assignments.csv, edges.jsonl,
 * graph.json, summary.json and manifest.json (rejected.jsonl is streamed
 * during ingest). Everything is sorted; JSON has a trailing newline.
 */
import { keyIndexOf, type Dataset } from '../aggregate/index.ts';
import { EVIDENCE_TYPES } from '../config/schema.ts';
import { explainEdge, round, type Linked } from '../link/index.ts';
import { csvRow } from '../util/csv.ts';
import type { AtomicDir } from './atomic-dir.ts';
import { OUTPUT_VERSION, type Cluster } from './schemas.ts';

export const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';

/**
 * clusters.json: the bytes of `json({ version, clusters })`, written cluster by
 * cluster, since at millions of keys the document nears V8's longest string
 * (448 MB at 50M events). JSON escapes line breaks inside strings, so indenting
 * each cluster's own two-space JSON by four spaces gives the nested layout.
 */
export async function writeClusters(dir: AtomicDir, clusters: Cluster[]): Promise<void> {
  const out = dir.lines('clusters.json');
  out.text(`{\n  "version": ${JSON.stringify(OUTPUT_VERSION)},\n  "clusters": [`);
  clusters.forEach((c, i) => out.text((i === 0 ? '\n    ' : ',\n    ') + JSON.stringify(c, null, 2).replaceAll('\n', '\n    ')));
  out.text(clusters.length === 0 ? ']\n}\n' : '\n  ]\n}\n');
  await out.close();
}

/** Cluster id of each key index ('' for keys in no cluster). */
export function clusterOfKey(data: Dataset, clusters: Cluster[]): string[] {
  const of = new Array<string>(data.keys.length).fill('');
  for (const c of clusters) for (const m of c.members) of[keyIndexOf(data, m)] = c.id;
  return of;
}

export async function writeAssignments(dir: AtomicDir, data: Dataset, clusterOf: string[]): Promise<void> {
  const out = dir.lines('assignments.csv');
  out.line('key_id,cluster_id');
  for (let i = 0; i < data.keys.length; i++) out.line(csvRow([data.keys[i].id, clusterOf[i]]));
  await out.close();
}

export async function writeEdges(dir: AtomicDir, data: Dataset, linked: Linked, clusterOf: string[], maxValues: number): Promise<void> {
  const out = dir.lines('edges.jsonl');
  for (const slot of linked.kept) {
    const [i, j] = linked.store.endpoints(slot);
    const cluster = clusterOf[i] !== '' && clusterOf[i] === clusterOf[j] ? clusterOf[i] : null;
    const evidence = explainEdge(linked.store, slot, linked.tables, maxValues);
    out.line(
      JSON.stringify({ source: data.keys[i].id, target: data.keys[j].id, weight: round(linked.store.total(slot)), cluster, evidence }),
    );
  }
  await out.close();
}

/**
 * The kept graph in graphology's serialisation format, for the viewer. Written
 * node by node and edge by edge: at millions of edges the whole document is
 * longer than the longest string V8 can hold (2^29 characters).
 */
export async function writeGraph(dir: AtomicDir, data: Dataset, linked: Linked, clusterOf: string[]): Promise<void> {
  const inGraph = new Uint8Array(data.keys.length);
  for (const slot of linked.kept) {
    const [i, j] = linked.store.endpoints(slot);
    inGraph[i] = inGraph[j] = 1;
  }
  const out = dir.lines('graph.json');
  out.text('{"attributes":{},"options":{"type":"undirected","multi":false,"allowSelfLoops":false},"nodes":[');
  let first = true;
  for (let i = 0; i < data.keys.length; i++) {
    if (!inGraph[i]) continue;
    const k = data.keys[i];
    out.text((first ? '' : ',') + JSON.stringify({ key: k.id, attributes: { cluster: clusterOf[i] || null, account: accountOf(data, i), requests: k.requests } }));
    first = false;
  }
  out.text('],"edges":[');
  linked.kept.forEach((slot, n) => {
    const [i, j] = linked.store.endpoints(slot);
    const types = EVIDENCE_TYPES.filter((_, t) => linked.store.weights[t][slot] > 0);
    out.text((n === 0 ? '' : ',') + JSON.stringify({ source: data.keys[i].id, target: data.keys[j].id, attributes: { weight: round(linked.store.total(slot)), types } }));
  });
  out.text(']}\n');
  await out.close();
}

function accountOf(data: Dataset, i: number): string | null {
  const a = data.keyAccount[i];
  return a >= 0 ? data.accounts[a].id : null;
}
