/**
 * The view files of the bundled sample: every file parses with its schema,
 * there is one cluster file per cluster of clusters.json with the same
 * members, edge counts agree with edges.jsonl, and search covers every
 * clustered key.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ClusterFileSchema, OverviewFileSchema, SearchFileSchema, type ClusterFile } from '../../src/layout/schema.ts';
import { ClustersFileSchema, type Cluster } from '../../src/output/schemas.ts';
import { ROOT, runCli } from '../helpers/cli.ts';

const out = join(mkdtempSync(join(tmpdir(), 'sybilscope-view-')), 'out');
const read = (name: string) => JSON.parse(readFileSync(join(out, name), 'utf8'));

describe('view files of the bundled sample', () => {
  let clusters: Cluster[];
  let files: Map<string, ClusterFile>;

  beforeAll(async () => {
    const r = await runCli(['build', '--events', join(ROOT, 'data/sample/events.jsonl'), '--accounts', join(ROOT, 'data/sample/accounts.csv'), '--out', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    clusters = ClustersFileSchema.parse(read('clusters.json')).clusters;
    files = new Map(readdirSync(join(out, 'view/clusters')).map((f) => [f, ClusterFileSchema.parse(read(`view/clusters/${f}`))]));
  });

  it('writes one file per cluster, named by its id, holding its members', () => {
    expect([...files.keys()].sort()).toEqual(clusters.map((c) => `${c.id}.json`).sort());
    for (const c of clusters) {
      const file = files.get(`${c.id}.json`)!;
      expect(file).toMatchObject({ id: c.id, rank: c.rank, risk: c.risk, reasons: c.reasons, attribution: null });
      expect(file.nodes.map((n) => n.id)).toEqual([...c.members].sort());
      expect(file.accounts.filter((a) => a.id !== null).map((a) => a.id).sort()).toEqual(c.accounts);
      expect(file.timeline.requests.reduce((a, b) => a + b, 0)).toBe(c.features.requests);
    }
  });

  it('counts a cluster’s edges as edges.jsonl does, strongest first', () => {
    const perCluster = new Map<string, number>();
    for (const line of readFileSync(join(out, 'edges.jsonl'), 'utf8').trim().split('\n')) {
      const e = JSON.parse(line);
      if (e.cluster !== null) perCluster.set(e.cluster, (perCluster.get(e.cluster) ?? 0) + 1);
    }
    for (const c of clusters) {
      const { edge_stats, edges } = files.get(`${c.id}.json`)!;
      expect(edge_stats.total, c.id).toBe(perCluster.get(c.id) ?? 0);
      expect(edge_stats.shown + edge_stats.dropped).toBe(edge_stats.total);
      for (let i = 1; i < edges.length; i++) expect(edges[i - 1].weight).toBeGreaterThanOrEqual(edges[i].weight);
    }
  });

  it('writes an overview with the run facts and one node per cluster', () => {
    const overview = OverviewFileSchema.parse(read('view/overview.json'));
    const summary = read('summary.json');
    expect(overview.run).toMatchObject({ keys: summary.keys, accounts: summary.accounts, clusters: clusters.length, edges: summary.edges.kept, events: summary.rows.total.accepted - countAccountsRows(summary) });
    expect(overview.nodes.map((n) => [n.id, n.rank, n.keys])).toEqual(clusters.map((c) => [c.id, c.rank, c.size]));
    const ids = new Set(clusters.map((c) => c.id));
    for (const l of overview.links) expect(ids.has(l.source) && ids.has(l.target) && l.source < l.target).toBe(true);
  });

  it('indexes every clustered key for search, sorted, without duplicates', () => {
    const { entries } = SearchFileSchema.parse(read('view/search.json'));
    const keys = entries.filter((e) => e.kind === 'key');
    expect(keys.map((e) => e.value).sort()).toEqual(clusters.flatMap((c) => c.members).sort());
    for (const e of keys) expect(files.get(`${e.cluster}.json`)!.nodes.some((n) => n.id === e.key)).toBe(true);
    const seen = new Set(entries.map((e) => JSON.stringify([e.kind, e.value, e.cluster])));
    expect(seen.size).toBe(entries.length);
    expect(entries.some((e) => e.kind === 'template')).toBe(true);
    expect(existsSync(join(out, 'view/clusters'))).toBe(true);
  });
});

/** Accepted rows of accounts files (summary rows count both kinds). */
function countAccountsRows(summary: { rows: { files: Array<{ kind: string; accepted: number }> } }): number {
  return summary.rows.files.filter((f) => f.kind === 'accounts').reduce((a, f) => a + f.accepted, 0);
}
