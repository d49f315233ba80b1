/**
 * Graph construction and Louvain against igraph (issue 7). Generates a
 * deterministic account-like weighted graph (BENCH_NODES, BENCH_EDGES, default
 * 0.77M keys and 11M edges, BENCH_SEED): communities of Pareto-distributed
 * sizes (accounts of 2–5 keys up to rings of thousands), edges inside them and
 * 15% noise edges between random keys (some keys far more often: shared IPs),
 * lognormal weights. BENCH_BUILD=DIR takes instead a build's kept edges
 * (DIR/edges.jsonl, keys in the order of DIR/assignments.csv).
 *
 * The graph is written once as a binary edge list (int32 nodes, int32 edges,
 * int32 sources, int32 targets, float64 weights) under bench/.data/louvain/.
 * Each variant (BENCH_VARIANTS to choose) then runs in its own process, so its
 * peak RSS is its own (BENCH_IGRAPH=0 skips igraph): it loads the file, builds what Louvain reads, runs
 * graphology's Louvain (seed 1, resolution 0.3 as the config's default) and
 * writes the membership. Last, bench/louvain_igraph.py loads the same file
 * into python-igraph (Debian's, /usr/bin/python3: `apt-get install python3-igraph`; the
 * benchmark's only, never a test's or the runtime's), runs community_multilevel
 * and computes the modularity of its partition and of every graphology
 * membership with igraph's own `modularity`, so the two are compared by one
 * formula. Prints a Markdown table. Not a test: nothing here asserts a time.
 *
 *   node --import tsx bench/louvain.ts
 *   BENCH_NODES=77000 BENCH_EDGES=1100000 node --import tsx bench/louvain.ts
 *   BENCH_BUILD=bench/.data/1000000/out node --import tsx bench/louvain.ts
 */
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { basename, join, resolve } from 'node:path';
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import type { EdgeList } from '../src/cluster/edge-list.ts';
import { LouvainGraph } from '../src/cluster/louvain-graph.ts';
import { EdgeStore } from '../src/link/edge-store.ts';
import { createRng, type Rng } from '../src/util/rng.ts';

const root = new URL('..', import.meta.url).pathname;
const RESOLUTION = Number(process.env.BENCH_RESOLUTION ?? 0.3);
const SEED = 1;

/** What each variant builds for Louvain, and the weight getter it passes. */
const VARIANTS = {
  /** Before: [a, b] pairs and a weight array as the pipeline made them, addNode, addUndirectedEdge with a { weight } object. */
  'graph-attributes': (nodes: number, edges: EdgeList) => {
    const pairs = Array.from(edges.source, (a, e) => [a, edges.target[e]] as const);
    const weights = Array.from(edges.weight);
    const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
    const inGraph = new Uint8Array(nodes);
    for (const [a, b] of pairs) inGraph[a] = inGraph[b] = 1;
    for (let i = 0; i < nodes; i++) if (inGraph[i]) graph.addNode(i);
    pairs.forEach(([a, b], e) => graph.addUndirectedEdge(a, b, { weight: weights[e] }));
    return { graph, getEdgeWeight: 'weight' as const };
  },
  /** graph.import of a serialised graph (built here from the arrays: nodes [{ key }], edges [{ source, target, attributes }]). */
  'graph-import': (nodes: number, edges: EdgeList) => {
    const inGraph = new Uint8Array(nodes);
    edges.source.forEach((a, e) => (inGraph[a] = inGraph[edges.target[e]] = 1));
    const serialized = {
      options: { type: 'undirected' as const, multi: false, allowSelfLoops: false },
      nodes: [] as { key: string }[],
      edges: Array.from(edges.source, (a, e) => ({ source: String(a), target: String(edges.target[e]), attributes: { weight: edges.weight[e] } })),
    };
    for (let i = 0; i < nodes; i++) if (inGraph[i]) serialized.nodes.push({ key: String(i) });
    const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
    graph.import(serialized);
    return { graph, getEdgeWeight: 'weight' as const };
  },
  /** Edge keys are list positions, no attributes: the weight getter reads the typed array by key. */
  'graph-keyed': (nodes: number, edges: EdgeList) => {
    const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
    addNodes(graph, nodes, edges);
    const { source, target, weight } = edges;
    for (let e = 0; e < source.length; e++) graph.addUndirectedEdgeWithKey(e, source[e], target[e]);
    return { graph, getEdgeWeight: (edge: string) => weight[+edge] };
  },
  /**
   * Generated keys, no attributes. Louvain calls the getter once per edge in
   * insertion order, so a cursor finds the weight: a measurement of what keys
   * cost, not a construction to ship.
   */
  'graph-keyless': (nodes: number, edges: EdgeList) => {
    const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
    addNodes(graph, nodes, edges);
    const { source, target, weight } = edges;
    for (let e = 0; e < source.length; e++) graph.addUndirectedEdge(source[e], target[e]);
    let cursor = 0;
    return { graph, getEdgeWeight: () => weight[cursor++] };
  },
  /** After: src/cluster's read-only view over the typed arrays; no graphology Graph at all. */
  view: (nodes: number, edges: EdgeList) => {
    const { weight } = edges;
    return { graph: new LouvainGraph(nodes, edges) as unknown as Graph, getEdgeWeight: (edge: string) => weight[edge as unknown as number] };
  },
};
type Variant = keyof typeof VARIANTS;

function addNodes(graph: Graph, nodes: number, edges: EdgeList): void {
  const inGraph = new Uint8Array(nodes);
  edges.source.forEach((a, e) => (inGraph[a] = inGraph[edges.target[e]] = 1));
  for (let i = 0; i < nodes; i++) if (inGraph[i]) graph.addNode(i);
}

if (process.argv[2] === 'run') runVariant(process.argv[3] as Variant, process.argv[4], process.argv[5]);
else main();

function main(): void {
  const dir = join(root, 'bench/.data/louvain');
  mkdirSync(dir, { recursive: true });
  const build = process.env.BENCH_BUILD;
  let file: string;
  if (build) {
    file = join(dir, `build-${basename(resolve(build, '..'))}.bin`);
    if (!existsSync(file)) writeGraph(file, ...fromBuild(build));
  } else {
    const nodes = Number(process.env.BENCH_NODES ?? 770_000);
    const edges = Number(process.env.BENCH_EDGES ?? 11_000_000);
    const seed = Number(process.env.BENCH_SEED ?? 1);
    file = join(dir, `synthetic-${nodes}-${edges}-${seed}.bin`);
    if (!existsSync(file)) {
      const t = performance.now();
      writeGraph(file, nodes, generate(nodes, edges, seed));
      console.error(`generated ${file} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
  }
  const { nodes, edges } = readGraph(file);
  console.error(`graph: ${fmt(nodes)} nodes, ${fmt(edges.source.length)} edges; load average ${loadText()}`);

  const variants = (process.env.BENCH_VARIANTS ?? Object.keys(VARIANTS).join(',')).split(',') as Variant[];
  const results: Record<string, number | string>[] = [];
  for (const variant of variants) {
    const membership = join(dir, `${basename(file, '.bin')}-membership-${variant}.bin`);
    const load = loadText();
    const out = execFileSync(
      process.execPath,
      ['--expose-gc', '--max-old-space-size=20000', '--import', 'tsx', join(root, 'bench/louvain.ts'), 'run', variant, file, membership],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const result = { variant, membership, edges: edges.source.length, load: `${load} → ${loadText()}`, ...JSON.parse(out.trim().split('\n').at(-1)!) };
    console.error(JSON.stringify(result));
    results.push(result);
  }

  const m = edges.source.length;
  console.log(`graph: ${fmt(nodes)} nodes, ${fmt(m)} edges, resolution ${RESOLUTION}`);
  console.log('| construction | build | heap + buffers | Louvain | total | peak RSS | communities | modularity (igraph\'s formula) | load average |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  if (process.env.BENCH_IGRAPH === '0') {
    for (const r of results) console.log(row(r, '—'));
    return;
  }
  const load = loadText();
  const py = execFileSync(
    '/usr/bin/python3',
    [join(root, 'bench/louvain_igraph.py'), file, String(RESOLUTION), ...results.map((r) => r.membership as string)],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 },
  );
  const igraph = JSON.parse(py.trim().split('\n').at(-1)!);
  console.error(JSON.stringify({ igraph, load: `${load} → ${loadText()}` }));

  results.forEach((r, i) => console.log(row(r, Number(igraph.memberships[i]).toFixed(6))));
  console.log(
    `| igraph ${igraph.version} (Graph(n, edges), es['weight']) | ${sec(igraph.loadMs)} | — | ${sec(igraph.louvainMs)} | ${sec(igraph.loadMs + igraph.louvainMs)} | ${gib(igraph.peakRss)} | ${fmt(igraph.communities)} | ${igraph.modularity.toFixed(6)} | ${igraph.load ?? load} |`,
  );
  const view = results.find((r) => r.variant === 'view');
  if (view) {
    const ours = Number(view.constructionMs) + Number(view.louvainMs);
    console.log(`\nview vs igraph, load + Louvain: ${(ours / (igraph.loadMs + igraph.louvainMs)).toFixed(2)}×; Louvain alone: ${(Number(view.louvainMs) / igraph.louvainMs).toFixed(2)}×`);
  }
}

function row(r: Record<string, number | string>, modularity: string): string {
  const bytes = Number(r.constructionBytes);
  const perEdge = `${(bytes / 1e9).toFixed(2)} GB (${Math.round(bytes / Number(r.edges))} B/edge)`;
  const total = sec(Number(r.constructionMs) + Number(r.louvainMs));
  return `| ${r.variant} | ${sec(r.constructionMs)} | ${perEdge} | ${sec(r.louvainMs)} | ${total} | ${gib(r.peakRss)} | ${fmt(Number(r.communities))} | ${modularity} | ${r.load} |`;
}

/** One variant in this process: load, build, Louvain, membership out; one JSON line on stdout. */
function runVariant(variant: Variant, file: string, membershipFile: string): void {
  const gc = (globalThis as { gc?: () => void }).gc!;
  const { nodes, edges } = readGraph(file);
  gc();
  const before = memory();
  let t = performance.now();
  const { graph, getEdgeWeight } = VARIANTS[variant](nodes, edges);
  const constructionMs = performance.now() - t;
  gc();
  const constructionBytes = memory() - before;
  t = performance.now();
  const result = louvain.detailed(graph, { getEdgeWeight, resolution: RESOLUTION, rng: createRng(SEED) });
  const louvainMs = performance.now() - t;
  const membership = new Int32Array(nodes).fill(-1);
  for (const [node, c] of Object.entries(result.communities)) membership[Number(node)] = c;
  writeFileSync(membershipFile, membership);
  const peakRss = process.resourceUsage().maxRSS * 1024;
  console.log(JSON.stringify({ constructionMs, constructionBytes, louvainMs, peakRss, communities: result.count, modularity: result.modularity }));
}

function memory(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/**
 * Account-like graph: keys (shuffled labels) in communities of Pareto sizes
 * (x_min 2, α 1.3, at most 5,000); each community gets edges for an average
 * degree D inside it (all pairs when it is smaller), D chosen so that the
 * communities carry 85% of the edges; the rest are noise edges whose ends are
 * drawn with a skew (u² over the labels), so some keys collect many. Weights
 * are lognormal, heavier inside communities. Edges ordered by (source,
 * target), as the link stage keeps them.
 */
function generate(nodes: number, edges: number, seed: number): EdgeList {
  const rng = createRng(seed);
  const label = Int32Array.from({ length: nodes }, (_, i) => i);
  for (let i = nodes - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [label[i], label[j]] = [label[j], label[i]];
  }
  const sizes: number[] = [];
  for (let placed = 0; placed < nodes; ) {
    const size = Math.min(nodes - placed, 5000, Math.max(2, Math.floor(2 / (1 - rng()) ** (1 / 1.3))));
    sizes.push(size);
    placed += size;
  }
  const inside = Math.round(edges * 0.85);
  const want = (d: number) => sizes.map((s) => Math.min((s * (s - 1)) / 2, Math.round((s * d) / 2)));
  let lo = 0;
  let hi = nodes;
  for (let k = 0; k < 60; k++) {
    const mid = (lo + hi) / 2;
    if (want(mid).reduce((a, b) => a + b, 0) < inside) lo = mid;
    else hi = mid;
  }
  const perCommunity = want(hi);
  const store = new EdgeStore(nodes, 1, Math.ceil(edges * 1.05));
  let start = 0;
  sizes.forEach((s, c) => {
    const target = perCommunity[c];
    const pairs = (s * (s - 1)) / 2;
    if (target * 2 >= pairs) {
      // Dense: every pair with probability target / pairs.
      for (let i = 0; i < s; i++)
        for (let j = i + 1; j < s; j++) if (rng() * pairs < target) store.add(label[start + i], label[start + j], 0, lognormal(rng, 0.5, 1));
    } else {
      const goal = store.size + target;
      for (let tries = 0; store.size < goal && tries < target * 4; tries++) {
        const i = Math.floor(rng() * s);
        const j = Math.floor(rng() * s);
        if (i !== j) store.add(label[start + i], label[start + j], 0, lognormal(rng, 0.5, 1));
      }
    }
    start += s;
  });
  // Noise fills up to the edge count (a little over 15% where communities fell short of their share).
  while (store.size < edges) {
    const a = Math.floor(rng() ** 2 * nodes);
    const b = Math.floor(rng() * nodes);
    if (a !== b) store.add(label[a], label[b], 0, lognormal(rng, -1.5, 0.8));
  }
  const keys = new Float64Array(store.size);
  for (let s = 0; s < store.size; s++) keys[s] = store.source[s] * nodes + store.target[s];
  keys.sort();
  const source = new Int32Array(keys.length);
  const target = new Int32Array(keys.length);
  const weight = new Float64Array(keys.length);
  keys.forEach((k, e) => {
    source[e] = Math.floor(k / nodes);
    target[e] = k - source[e] * nodes;
    weight[e] = store.weights[0][store.find(source[e], target[e])];
  });
  return { source, target, weight };
}

function lognormal(rng: Rng, mu: number, sigma: number): number {
  const u = 1 - rng();
  const v = rng();
  return Math.exp(mu + sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
}

/** A build's kept edges: keys numbered in assignments.csv order (key order), weights as written (6 decimals). */
function fromBuild(dir: string): [number, EdgeList] {
  const keys = readFileSync(join(dir, 'assignments.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.slice(0, l.lastIndexOf(',')));
  const index = new Map(keys.map((k, i) => [k, i]));
  const lines = readFileSync(join(dir, 'edges.jsonl'), 'utf8').trim().split('\n');
  const source = new Int32Array(lines.length);
  const target = new Int32Array(lines.length);
  const weight = new Float64Array(lines.length);
  lines.forEach((line, e) => {
    const edge = JSON.parse(line) as { source: string; target: string; weight: number };
    const a = index.get(edge.source)!;
    const b = index.get(edge.target)!;
    source[e] = Math.min(a, b);
    target[e] = Math.max(a, b);
    weight[e] = edge.weight;
  });
  return [keys.length, { source, target, weight }];
}

function writeGraph(file: string, nodes: number, edges: EdgeList): void {
  const header = Int32Array.of(nodes, edges.source.length);
  writeFileSync(file, Buffer.concat([header, edges.source, edges.target, edges.weight].map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength))));
}

/** Read straight into the typed arrays: no intermediate buffer to free, so the heap figures are the construction's. */
function readGraph(file: string): { nodes: number; edges: EdgeList } {
  const fd = openSync(file, 'r');
  const readInto = (array: Int32Array | Float64Array, position: number) => {
    const bytes = new Uint8Array(array.buffer);
    for (let done = 0; done < bytes.length; ) done += readSync(fd, bytes, done, bytes.length - done, position + done);
  };
  const header = new Int32Array(2);
  readInto(header, 0);
  const [nodes, m] = header;
  const edges = { source: new Int32Array(m), target: new Int32Array(m), weight: new Float64Array(m) };
  readInto(edges.source, 8);
  readInto(edges.target, 8 + 4 * m);
  readInto(edges.weight, 8 + 8 * m);
  closeSync(fd);
  return { nodes, edges };
}

function loadText(): string {
  return loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}
function sec(ms: unknown): string {
  return `${(Number(ms) / 1000).toFixed(1)} s`;
}
function gib(bytes: unknown): string {
  return `${(Number(bytes) / 2 ** 30).toFixed(2)} GiB`;
}
function fmt(n: number): string {
  return n >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : n >= 1e3 ? `${(n / 1e3).toFixed(0)}k` : String(Math.round(n));
}
