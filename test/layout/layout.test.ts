/**
 * The layout stage on small hand-made logs whose answer can be stated: links
 * between clusters sum the crossing edges, edges are capped strongest first,
 * colours and the timeline follow their rules, and the layout is seeded.
 */
import { describe, expect, it } from 'vitest';
import { riskColor, ACCOUNT_PALETTE, NO_ACCOUNT_COLOR } from '../../src/layout/colors.ts';
import { forceLayout } from '../../src/layout/force.ts';
import { clusterTimeline, MAX_TIMELINE_BUCKETS } from '../../src/layout/timeline.ts';
import { ClusterFileSchema, OverviewFileSchema, SearchFileSchema } from '../../src/layout/schema.ts';
import { round } from '../../src/link/index.ts';
import { rarityWeight } from '../../src/link/rarity.ts';
import { acct, dataset, ev, T0 } from '../helpers/records.ts';
import { runStages } from './stages.ts';

const HOUR = 3_600_000;

/**
 * Two rings of four keys, one account each, sharing a card per ring (a0–a3 on
 * pm_A, b0–b3 on pm_B); a0–a1 also share a signup IP (their edge is the
 * strongest of ring A). Two cross pairs (a0–b0, a1–b1) use one rare IP each
 * at the same moment: kept edges between the clusters. A stranger z0 shares
 * one IP with a2 and stays out of every cluster.
 */
function twoRings() {
  const accounts = [
    ...[0, 1, 2, 3].map((i) => acct({ account_id: `A${i}`, payment_fingerprint: 'pm_A', signup_ip: i < 2 ? '192.0.2.77' : null })),
    ...[0, 1, 2, 3].map((i) => acct({ account_id: `B${i}`, payment_fingerprint: 'pm_B' })),
  ];
  const events = [
    ...[0, 1, 2, 3].map((i) => ev({ key_id: `a${i}`, account_id: `A${i}`, timestamp: T0 + i * HOUR })),
    ...[0, 1, 2, 3].map((i) => ev({ key_id: `b${i}`, account_id: `B${i}`, timestamp: T0 + i * HOUR })),
    ev({ key_id: 'a0', account_id: 'A0', ip: '203.0.113.9', timestamp: T0 + 10 * HOUR }),
    ev({ key_id: 'b0', account_id: 'B0', ip: '203.0.113.9', timestamp: T0 + 10 * HOUR + 60_000 }),
    ev({ key_id: 'a1', account_id: 'A1', ip: '198.51.100.4', timestamp: T0 + 12 * HOUR }),
    ev({ key_id: 'b1', account_id: 'B1', ip: '198.51.100.4', timestamp: T0 + 12 * HOUR + 60_000 }),
    ev({ key_id: 'a2', account_id: 'A2', ip: '100.64.5.5', timestamp: T0 + 20 * HOUR }),
    ev({ key_id: 'z0', account_id: 'Z0', ip: '100.64.5.5', timestamp: T0 + 20 * HOUR }),
  ];
  return { events, accounts };
}

describe('layout of two linked rings', () => {
  const { events, accounts } = twoRings();
  const run = runStages(events, accounts);
  const { view, clusters } = run;
  const idOf = (key: string) => clusters.find((c) => c.members.includes(key))!.id;

  it('finds the two rings and writes files its schemas accept', () => {
    expect(clusters.map((c) => [...c.members].sort())).toEqual(expect.arrayContaining([['a0', 'a1', 'a2', 'a3'], ['b0', 'b1', 'b2', 'b3']]));
    expect(clusters).toHaveLength(2);
    OverviewFileSchema.parse(view.overview);
    SearchFileSchema.parse(view.search);
    for (const file of view.clusters) ClusterFileSchema.parse(file);
  });

  it('links the clusters by the sum of the crossing edges and their types', () => {
    const a = idOf('a0');
    const b = idOf('b0');
    const crossing = [run.slotOf('a0', 'b0'), run.slotOf('a1', 'b1')];
    expect(crossing.every((s) => s >= 0 && run.linked.kept.includes(s))).toBe(true);
    // Plus the two shared IPs themselves (weight 0.4 each, held by two accounts: rarity 1).
    const weight = crossing.reduce((sum, s) => sum + run.linked.store.total(s), 0) + 2 * 0.4;
    expect(view.overview.links).toEqual([
      { source: a < b ? a : b, target: a < b ? b : a, weight: round(weight), edges: 2, shared_values: 2, types: ['ip', 'prefix'] },
    ]);
    // The stranger's edge to a2 is kept but leads to no cluster: no link, one external edge.
    expect(run.linked.kept).toContain(run.slotOf('a2', 'z0'));
    const a2 = view.clusters.find((f) => f.id === a)!.nodes.find((n) => n.id === 'a2')!;
    expect(a2.external_degree).toBe(1);
  });

  it('links clusters that share a value even when no kept edge crosses them', () => {
    // b2 uses a2's stranger IP hours later: 0.4 (IP) + 0.1 (/24) is below minEdgeWeight, so no edge.
    const late = ev({ key_id: 'b2', account_id: 'B2', ip: '100.64.5.5', timestamp: T0 + 30 * HOUR });
    const apart = runStages(
      events.filter((e) => e.ip === null || !['203.0.113.9', '198.51.100.4'].includes(e.ip)).concat(late),
      accounts,
    );
    const ids = apart.clusters.map((c) => c.id).sort();
    expect(apart.view.overview.links).toEqual([{ source: ids[0], target: ids[1], weight: round(0.4 * rarityWeight(3, 0.5)), edges: 0, shared_values: 1, types: ['ip'] }]);
  });

  it('states the run facts and one node per cluster by rank', () => {
    expect(view.overview.run).toMatchObject({ events: events.length, keys: 9, clusters: 2, clustered_keys: 8, edges: run.linked.kept.length });
    expect(view.overview.run.evidence_types).toEqual(['payment', 'ip', 'prefix', 'signup_ip']) // one key per account: no account evidence;
    expect(view.overview.nodes.map((n) => [n.id, n.rank, n.keys, n.accounts])).toEqual(clusters.map((c) => [c.id, c.rank, 4, 4]));
    for (const n of view.overview.nodes) expect(n.color).toBe(riskColor(n.risk));
  });

  it('lists a cluster’s edges strongest first, capped, and says how many were dropped', () => {
    const capped = runStages(events, accounts, { maxEdges: 2 }).view.clusters.find((f) => f.id === idOf('a0'))!;
    expect(capped.edge_stats).toMatchObject({ total: 6, shown: 2, dropped: 4, cap: 2 });
    expect([capped.edges[0].source, capped.edges[0].target]).toEqual(['a0', 'a1']); // card + signup IP
    expect(capped.edges[0].evidence.signup_ip?.values[0]).toMatchObject({ value: '192.0.2.77', accounts: 2, keys: 2 });
    const full = view.clusters.find((f) => f.id === idOf('a0'))!;
    expect(full.edges.map((e) => e.weight)).toEqual([...full.edges.map((e) => e.weight)].sort((x, y) => y - x));
    expect(full.edges.slice(0, 2)).toEqual(capped.edges);
    expect(Math.min(...capped.edges.map((e) => e.weight))).toBeGreaterThanOrEqual(Math.max(...full.edges.slice(2).map((e) => e.weight)));
  });

  it('colours keys by account, most keys first, from the fixed palette', () => {
    const file = view.clusters[0];
    expect(file.accounts.map((a) => a.color)).toEqual(ACCOUNT_PALETTE.slice(0, 4));
    for (const node of file.nodes) expect(node.color).toBe(file.accounts.find((a) => a.id === node.account)!.color);
    expect(file.accounts.reduce((s, a) => s + a.keys, 0)).toBe(file.nodes.length);
  });

  it('counts requests and active keys per hour', () => {
    const file = view.clusters.find((f) => f.id === idOf('a0'))!;
    expect(file.timeline.start).toBe(new Date(T0).toISOString());
    expect(file.timeline.bucket_hours).toBe(1);
    expect(file.timeline.requests.slice(0, 4)).toEqual([1, 1, 1, 1]);
    expect(file.timeline.requests[10]).toBe(1);
    expect(file.timeline.requests.reduce((a, b) => a + b, 0)).toBe(7);
    expect(file.timeline.keys[10]).toBe(1);
  });

  it('indexes keys, accounts, IPs and cards for search, sorted and without duplicates', () => {
    const entries = view.search.entries;
    const text = entries.map((e) => JSON.stringify([e.kind, e.value, e.cluster, e.key]));
    expect(new Set(text).size).toBe(text.length);
    expect(entries.filter((e) => e.kind === 'key').map((e) => e.value)).toEqual(['a0', 'a1', 'a2', 'a3', 'b0', 'b1', 'b2', 'b3']);
    expect(entries).toContainEqual({ kind: 'ip', value: '203.0.113.9', cluster: idOf('a0'), key: 'a0', template: null });
    expect(entries).toContainEqual({ kind: 'payment', value: 'pm_B', cluster: idOf('b0'), key: null, template: null });
    expect(entries.some((e) => e.value === 'z0')).toBe(false);
  });
});

describe('layout rules', () => {
  it('keeps keys with no account in their own grey', () => {
    const events = ['k0', 'k1', 'k2'].flatMap((k) => [ev({ key_id: k, ip: '203.0.113.50' }), ev({ key_id: k, ip: '203.0.113.51' })]);
    const { view } = runStages(events, [], { config: undefined });
    expect(view.clusters).toHaveLength(1);
    expect(view.clusters[0].accounts).toEqual([expect.objectContaining({ id: null, color: NO_ACCOUNT_COLOR, keys: 3 })]);
  });

  it('buckets a long timeline so it stays under MAX_TIMELINE_BUCKETS', () => {
    const hours = MAX_TIMELINE_BUCKETS + 1000;
    const data = dataset([ev({ key_id: 'k0', timestamp: T0 }), ev({ key_id: 'k0', timestamp: T0 + HOUR }), ev({ key_id: 'k1', timestamp: T0 + hours * HOUR })]);
    const t = clusterTimeline(Int32Array.of(0, 1), data);
    expect(t.bucket_hours).toBe(2);
    expect(t.requests).toHaveLength(Math.ceil((hours + 1) / 2));
    expect([t.requests[0], t.keys[0]]).toEqual([2, 1]); // two requests of one key in the first two hours
    expect(t.requests.at(-1)).toBe(1);
    expect(t.requests.reduce((a, b) => a + b, 0)).toBe(3);
  });

  it('maps risk onto the fixed ramp', () => {
    expect(riskColor(0)).toBe('#1a9850');
    expect(riskColor(0.5)).toBe('#fee08b');
    expect(riskColor(1)).toBe('#d73027');
    expect(riskColor(2)).toBe('#d73027');
  });

  it('places nodes from the seed: same seed, same layout; another seed, another', () => {
    const graph = { nodes: 5, source: [0, 1, 2, 3], target: [1, 2, 3, 4], weight: [1, 2, 1, 2] };
    const a = forceLayout(graph, 7);
    expect(forceLayout(graph, 7)).toEqual(a);
    expect(forceLayout(graph, 8)).not.toEqual(a);
    for (const x of a) expect(Math.round(x * 100) / 100).toBe(x);
  });
});
