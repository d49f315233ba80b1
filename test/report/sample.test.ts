/**
 * `sybilscope report` on the bundled sample: golden files of every format,
 * byte-identical reruns, valid STIX bundles, the --top and --min-risk
 * selection, and errors for bad flags and a bad OUT.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { beforeAll, describe, expect, it } from 'vitest';
import { BundleSchema } from '../../src/export/stix-schema.ts';
import { ClusterReportSchema } from '../../src/report/schema.ts';
import { ClustersFileSchema, type Cluster } from '../../src/output/schemas.ts';
import { expectGolden } from '../helpers/golden.ts';
import { buildRun, report, REPORT_FILE, ROOT, tempDir, tree } from './helpers.ts';

const expected = join(ROOT, 'test/report/expected');
let out: string;
let clusters: Cluster[];
const read = (name: string) => readFileSync(join(out, 'reports', name), 'utf8');
const reportFiles = () => readdirSync(join(out, 'reports')).sort();

beforeAll(async () => {
  out = join(tempDir('report-sample'), 'out');
  await buildRun(out, 'data/sample/events.jsonl', 'data/sample/accounts.csv');
  clusters = ClustersFileSchema.parse(JSON.parse(readFileSync(join(out, 'clusters.json'), 'utf8'))).clusters;
  const r = await report(out);
  expect(r.code, r.stderr).toBe(0);
});

describe('report on the sample', () => {
  it('writes every format for every cluster, and nothing else', () => {
    const files = reportFiles();
    for (const f of files) expect(f).toMatch(REPORT_FILE);
    for (const c of clusters)
      for (const suffix of ['.html', '.md', '.json', '-members.csv', '.stix.json']) expect(files).toContain(`${c.id}${suffix}`);
    expect(files).toEqual(expect.arrayContaining(['index.html', 'graph.gexf', 'graph.graphml']));
    expect(files.length).toBe(clusters.length * 5 + 3);
  });

  it('matches the golden files (index, and every format for ranks 2 and 4)', () => {
    mkdirSync(join(expected, 'sample'), { recursive: true });
    expectGolden(join(expected, 'sample/index.html'), read('index.html'));
    for (const rank of [2, 4]) {
      const id = clusters[rank - 1].id;
      for (const suffix of ['.html', '.md', '.json', '-members.csv', '.stix.json']) expectGolden(join(expected, `sample/rank${rank}${suffix}`), read(`${id}${suffix}`));
    }
  });

  it('is byte-identical when run again', async () => {
    const before = tree(join(out, 'reports'));
    const r = await report(out);
    expect(r.code).toBe(0);
    expect(tree(join(out, 'reports'))).toEqual(before);
  });

  it('JSON reports follow their schema and say what clusters.json says', () => {
    for (const c of clusters) {
      const r = ClusterReportSchema.parse(JSON.parse(read(`${c.id}.json`)));
      expect(r.id).toBe(c.id);
      expect(r.rank).toBe(c.rank);
      expect(r.reasons).toEqual(c.reasons);
      expect(r.members.map((m) => m.key).sort()).toEqual([...c.members].sort());
      expect(r.timeline.requests.reduce((a, b) => a + b, 0)).toBe(r.summary.requests);
    }
  });

  it('members CSV has one row per key, with a header', () => {
    const c = clusters[0];
    const lines = read(`${c.id}-members.csv`).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^key_id,account_id,/);
    expect(lines.length).toBe(c.size + 1);
  });

  it('shows the reasons, shared payment methods, and links with evidence of the top cluster', () => {
    const c = clusters[0];
    const text = read(`${c.id}.html`);
    expect(text).toContain(c.reasons[0].replace(/'/g, '&#39;'));
    const top = c.evidence.payment?.[0]?.value;
    expect(top).toBeDefined();
    expect(text).toContain(top!);
    expect(text).toContain('Why these keys are linked');
    expect(text).not.toMatch(/<script|\son[a-z]+=|src="http|href="http/i);
  });

  it('renders attribution (build --actors) only when a cluster has one, escaped, and in STIX as a threat-actor', async () => {
    expect(read(`${clusters[0].id}.html`)).not.toContain('<h2>Attribution</h2>');
    const dir = tempDir('report-attribution');
    const actors = join(dir, 'actors.json');
    const actor = { name: 'Example Lab <b onmouseover=x>', description: 'runs <script>ring</script> cards', indicators: [{ type: 'payment_fingerprint', value: 'pm_ring_shared' }] };
    writeFileSync(actors, JSON.stringify({ actors: [actor] }));
    const copy = join(dir, 'out');
    await buildRun(copy, 'test/golden/input/events.jsonl', 'test/golden/input/accounts.csv', '--actors', actors);
    const built = ClustersFileSchema.parse(JSON.parse(readFileSync(join(copy, 'clusters.json'), 'utf8'))).clusters;
    const attributed = built.filter((c) => c.attribution);
    expect(attributed.length).toBeGreaterThan(0);
    expect((await report(copy)).code).toBe(0);
    const id = attributed[0].id;
    const page = readFileSync(join(copy, 'reports', `${id}.html`), 'utf8');
    expect(page).toContain('<h2>Attribution</h2>');
    expect(page).toContain('Example Lab &lt;b onmouseover=x&gt;');
    expect(page).toContain('pm_ring_shared');
    expect(page).not.toContain('<script>ring');
    expect(readFileSync(join(copy, 'reports', 'index.html'), 'utf8')).toContain('<th>attributed to</th>');
    expect(read('index.html')).not.toContain('<th>attributed to</th>');
    const mdText = readFileSync(join(copy, 'reports', `${id}.md`), 'utf8');
    expect(mdText).toContain('## Attribution');
    expect(mdText).toContain('Example Lab &lt;b onmouseover=x&gt;');
    const json = ClusterReportSchema.parse(JSON.parse(readFileSync(join(copy, 'reports', `${id}.json`), 'utf8')));
    expect(json.attribution).toEqual(attributed[0].attribution);
    const bundle = JSON.parse(readFileSync(join(copy, 'reports', `${id}.stix.json`), 'utf8'));
    expect(BundleSchema.safeParse(bundle).success).toBe(true);
    const ta = bundle.objects.find((o: { type: string }) => o.type === 'threat-actor');
    expect(ta.name).toBe(actor.name);
    expect(bundle.objects.filter((o: { type: string; target_ref?: string }) => o.type === 'relationship' && o.target_ref === ta.id).length).toBe(
      bundle.objects.filter((o: { type: string }) => o.type === 'indicator').length,
    );
    for (const c of built.filter((c) => !c.attribution)) {
      expect(JSON.parse(readFileSync(join(copy, 'reports', `${c.id}.json`), 'utf8'))).not.toHaveProperty('attribution');
      expect(readFileSync(join(copy, 'reports', `${c.id}.html`), 'utf8')).not.toContain('Attributed to');
    }
  });
});

describe('exports', () => {
  it('every STIX bundle is valid STIX 2.1 (spec-derived schemas) with deterministic ids', () => {
    for (const c of clusters) {
      const bundle = JSON.parse(read(`${c.id}.stix.json`));
      const r = BundleSchema.safeParse(bundle);
      expect(r.success, `${c.id}: ${r.error?.issues[0]?.message}`).toBe(true);
    }
    const bundle = JSON.parse(read(`${clusters[0].id}.stix.json`));
    const types = new Set(bundle.objects.map((o: { type: string }) => o.type));
    for (const t of ['identity', 'grouping', 'indicator', 'ipv4-addr', 'x-sybilscope-payment-fingerprint', 'user-account', 'note']) expect(types).toContain(t);
    const grouping = bundle.objects.find((o: { type: string }) => o.type === 'grouping');
    expect(grouping.x_sybilscope_cluster).toBe(clusters[0].id);
    expect(grouping.created).toBe(JSON.parse(readFileSync(join(out, 'view/overview.json'), 'utf8')).run.last_seen);
  });

  it('the STIX schemas reject what STIX forbids (so the check above can fail)', () => {
    const bundle = JSON.parse(read(`${clusters[0].id}.stix.json`));
    const mutate = (f: (b: { objects: Array<Record<string, unknown>> }) => void) => {
      const copy = structuredClone(bundle);
      f(copy);
      return BundleSchema.safeParse(copy).success;
    };
    expect(mutate(() => {})).toBe(true);
    expect(mutate((b) => (b.objects[1].created = '2026-11-08 23:55:20'))).toBe(false);
    expect(mutate((b) => (b.objects[1].spec_version = '2.0'))).toBe(false);
    expect(mutate((b) => (b.objects[1].id = 'grouping--not-a-uuid'))).toBe(false);
    expect(mutate((b) => (b.objects[1].colour = 'red'))).toBe(false);
    expect(mutate((b) => b.objects.push(b.objects[2]))).toBe(false);
    expect(mutate((b) => delete b.objects.find((o) => o.type === 'indicator')!.pattern)).toBe(false);
    expect(mutate((b) => b.objects.splice(0, 1))).toBe(false); // created_by_ref now dangles
  });

  it('GEXF parses back with every key of the reported clusters, and cluster, risk and evidence as attributes', () => {
    const graph = parseGexf(Graph, read('graph.gexf'));
    expect(graph.order).toBe(clusters.reduce((n, c) => n + c.size, 0));
    const c = clusters[0];
    const node = graph.getNodeAttributes(c.members[0]);
    expect(node.cluster).toBe(c.id);
    expect(node.risk).toBe(c.risk);
    const edge = graph.getEdgeAttributes(graph.edges(c.members[0])[0]);
    expect(typeof edge.evidence).toBe('string');
    expect(edge.evidence.length).toBeGreaterThan(0);
    expect(graph.size).toBeGreaterThan(0);
  });

  it('GraphML declares its keys and holds the same nodes and edges as the GEXF', () => {
    const text = read('graph.graphml');
    const graph = parseGexf(Graph, read('graph.gexf'));
    expect(text).toContain('<key id="n_risk" for="node" attr.name="risk" attr.type="double"/>');
    expect(text.match(/<node /g)?.length).toBe(graph.order);
    expect(text.match(/<edge /g)?.length).toBe(graph.size);
  });

  it('GEXF and GraphML of a small build match their golden files', async () => {
    const small = join(tempDir('report-small'), 'out');
    await buildRun(small, 'test/golden/input/events.jsonl', 'test/golden/input/accounts.csv');
    expect((await report(small, '--format', 'gexf', '--format', 'graphml')).code).toBe(0);
    mkdirSync(join(expected, 'small'), { recursive: true });
    expectGolden(join(expected, 'small/graph.gexf'), readFileSync(join(small, 'reports/graph.gexf'), 'utf8'));
    expectGolden(join(expected, 'small/graph.graphml'), readFileSync(join(small, 'reports/graph.graphml'), 'utf8'));
  });
});

describe('selection and errors', () => {
  const indexRows = (text: string) => [...text.matchAll(/<td class="mono"><a href="(c_[0-9a-f]{10})\.html">/g)].map((m) => m[1]);

  it('--top N reports the N highest-ranked clusters', async () => {
    const r = await report(out, '--top', '3');
    expect(r.code).toBe(0);
    const ids = clusters.slice(0, 3).map((c) => c.id);
    expect(indexRows(read('index.html'))).toEqual(ids);
    expect([...new Set(reportFiles().filter((f) => f.startsWith('c_')).map((f) => f.slice(0, 12)))].sort()).toEqual([...ids].sort());
  });

  it('--min-risk R keeps clusters with risk ≥ R, and combines with --top', async () => {
    expect((await report(out, '--min-risk', '0.2')).code).toBe(0);
    const risky = clusters.filter((c) => c.risk >= 0.2).map((c) => c.id);
    expect(risky.length).toBeGreaterThan(1);
    expect(risky.length).toBeLessThan(clusters.length);
    expect(indexRows(read('index.html'))).toEqual(risky);
    expect((await report(out, '--min-risk', '0.2', '--top', '1')).code).toBe(0);
    expect(indexRows(read('index.html'))).toEqual(risky.slice(0, 1));
    expect((await report(out, '--min-risk', '1')).code).toBe(0);
    expect(reportFiles().filter((f) => f.startsWith('c_'))).toEqual([]);
    expect(read('index.html')).toContain('No cluster matches the selection.');
  });

  it('--format limits the documents', async () => {
    expect((await report(out, '--top', '2', '--format', 'md')).code).toBe(0);
    expect(reportFiles()).toEqual(['index.html', ...clusters.slice(0, 2).map((c) => `${c.id}.md`)].sort());
  });

  it('bad flags: one line on stderr, exit 2, nothing written', async () => {
    const before = tree(out);
    for (const args of [['--top', '0'], ['--top', 'x'], ['--min-risk', '1.5'], ['--min-risk', '-1'], ['--format', 'docx'], ['--frobnicate'], ['--pdf', '--format', 'md']]) {
      const r = await report(out, ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^sybilscope report: /);
    }
    expect(tree(out)).toEqual(before);
  });

  it('a missing or invalid OUT: one line on stderr, exit 1', async () => {
    const missing = await report(join(tempDir('report-missing'), 'nope'));
    expect(missing.code).toBe(1);
    expect(missing.stderr.trimEnd().split('\n')).toHaveLength(1);
    const empty = tempDir('report-empty');
    const r = await report(empty);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('clusters.json is missing');
    writeFileSync(join(empty, 'clusters.json'), '{"version": 1, "clusters": [{"id": "../../etc"}]}');
    const bad = await report(empty);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(existsSync(join(empty, 'reports'))).toBe(false);
  });
});

describe('--by-account', () => {
  it('stacks each timeline by account, the series adding up to the build’s own hourly totals', async () => {
    const cwd = process.cwd();
    process.chdir(ROOT); // the manifest names the sample's files relative to the repository
    try {
      const r = await report(out, '--by-account', '--format', 'json', '--format', 'html');
      expect(r.code, r.stderr).toBe(0);
    } finally {
      process.chdir(cwd);
    }
    for (const c of clusters) {
      const t = ClusterReportSchema.parse(JSON.parse(read(`${c.id}.json`))).timeline;
      expect(t.by_account, c.id).toBeDefined();
      const series = [...t.by_account!.accounts.map((a) => a.requests), ...(t.by_account!.other ? [t.by_account!.other.requests] : [])];
      expect(t.requests.map((_, i) => series.reduce((n, s) => n + s[i], 0)), c.id).toEqual(t.requests);
      expect(t.by_account!.accounts.length).toBeLessThanOrEqual(8);
    }
    expect(read(`${clusters[0].id}.html`)).toContain('stacked by account');
  });
});
