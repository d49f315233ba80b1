import { describe, expect, it } from 'vitest';
import { attribute, parseActors, type ActorsFile } from '../../src/attribute/index.ts';
import { combineEvidence, indicatorWeight } from '../../src/attribute/confidence.ts';
import { Matcher } from '../../src/attribute/match.ts';
import { propagate } from '../../src/attribute/propagate.ts';
import { framePieces, TemplateMatcher } from '../../src/attribute/template-match.ts';
import { DEFAULT_CONFIG } from '../../src/config/schema.ts';
import { link } from '../../src/link/index.ts';
import { acct, dataset, ev, T0 } from '../helpers/records.ts';

const DAY = 86_400_000;

/**
 * Four ring keys (r1–r4, accounts ra1–ra4) sharing card pm_ring; r2 also on
 * IPv6; eight strangers s0–s7 on a VPN exit and a common user agent with r1.
 */
function world() {
  const events = [
    ev({ key_id: 'r1', account_id: 'ra1', ip: '203.0.113.9', user_agent: 'python-requests/2.31', timestamp: T0 }),
    ev({ key_id: 'r2', account_id: 'ra2', ip: '2001:db8:7::5', timestamp: T0 + 2 * DAY }),
    ev({ key_id: 'r3', account_id: 'ra3', ip: '198.51.100.20', timestamp: T0 + 4 * DAY }),
    ev({ key_id: 'r4', account_id: 'ra4', user_agent: 'RingBot/1.0', timestamp: T0 + 6 * DAY }),
    ...Array.from({ length: 8 }, (_, i) =>
      ev({ key_id: `s${i}`, account_id: `sa${i}`, ip: '203.0.113.9', user_agent: 'python-requests/2.31', timestamp: T0 + i * 1000 }),
    ),
  ];
  const accounts = [
    acct({ account_id: 'ra1', payment_fingerprint: 'pm_ring', email_domain: 'ringco.example', signup_ip: '192.0.2.44' }),
    acct({ account_id: 'ra2', payment_fingerprint: 'pm_ring' }),
    acct({ account_id: 'ra3', payment_fingerprint: 'pm_ring' }),
    acct({ account_id: 'ra4', payment_fingerprint: 'pm_ring' }),
  ];
  const data = dataset(events, accounts);
  const linked = link(data, DEFAULT_CONFIG);
  return { data, linked };
}

const tables = (linked: ReturnType<typeof link>) => new Map(linked.tables.map((t) => [t.type, t]));
const keysOf = (w: ReturnType<typeof world>, m: { keys: Int32Array }) => [...m.keys].map((k) => w.data.keys[k].id);

function matchOne(type: string, value: string, extra: Record<string, string> = {}) {
  const w = world();
  const matcher = new Matcher({ data: w.data, tables: tables(w.linked), templates: null, minTemplateCoverage: 0.8 });
  const indicator = parseActors({ actors: [{ name: 'X', indicators: [{ type, value, ...extra }] }] }, 't.json').actors[0].indicators[0];
  const m = matcher.match(indicator);
  return { keys: keysOf(w, m), holders: m.holders, hub: m.hub, unmatchable: m.unmatchable };
}

describe('indicator matching', () => {
  it('key_id and account_id', () => {
    expect(matchOne('key_id', 'r3').keys).toEqual(['r3']);
    expect(matchOne('key_id', 'nope').keys).toEqual([]);
    expect(matchOne('account_id', 'ra2').keys).toEqual(['r2']);
  });

  it('ip matches request IPs and signup IPs, normalised', () => {
    expect(matchOne('ip', '198.51.100.20').keys).toEqual(['r3']);
    expect(matchOne('ip', '192.0.2.44').keys).toEqual(['r1']);
    expect(matchOne('ip', '2001:DB8:7:0:0:0:0:5').keys).toEqual(['r2']);
    expect(matchOne('ip', 'not-an-ip').unmatchable).toMatch(/not an IPv4 or IPv6/);
  });

  it('cidr over IPv4 and IPv6, each only its own family', () => {
    expect(matchOne('cidr', '198.51.100.0/24').keys).toEqual(['r3']);
    expect(matchOne('cidr', '192.0.2.0/28').keys).toEqual([]);
    expect(matchOne('cidr', '192.0.2.32/27').keys).toEqual(['r1']);
    expect(matchOne('cidr', '2001:db8:7::/48').keys).toEqual(['r2']);
    expect(matchOne('cidr', '2001:db8:8::/48').keys).toEqual([]);
    expect(matchOne('cidr', '::/0').keys).toEqual(['r2']);
    expect(matchOne('cidr', '0.0.0.0/0').keys.sort()).toEqual(['r1', 'r3', 's0', 's1', 's2', 's3', 's4', 's5', 's6', 's7']);
    expect(matchOne('cidr', '10.0.0.0/33').unmatchable).toMatch(/CIDR/);
  });

  it('payment_fingerprint, email_domain (any case, an address works) and user_agent', () => {
    expect(matchOne('payment_fingerprint', 'pm_ring').keys).toEqual(['r1', 'r2', 'r3', 'r4']);
    expect(matchOne('payment_fingerprint', 'pm_ring').holders).toBe(4);
    expect(matchOne('email_domain', 'ops@RingCo.example').keys).toEqual(['r1']);
    expect(matchOne('user_agent', 'RingBot/1.0').keys).toEqual(['r4']);
  });

  it('counts the accounts holding a value and flags hubs', () => {
    const vpn = matchOne('ip', '203.0.113.9');
    expect(vpn.holders).toBe(9);
    expect(vpn.hub).toBe(false);
    // Past maxAccounts (25 for user agents) a value is a hub in linking.
    const events = Array.from({ length: 30 }, (_, i) => ev({ key_id: `k${i}`, account_id: `a${i}`, user_agent: 'curl/8' }));
    const data = dataset(events);
    const m = new Matcher({ data, tables: tables(link(data, DEFAULT_CONFIG)), templates: null, minTemplateCoverage: 0.8 });
    const r = m.match({ type: 'user_agent', value: 'curl/8', confidence: 1 });
    expect([r.keys.length, r.holders, r.hub]).toEqual([30, 30, true]);
  });

  it('first_seen/last_seen keep only keys active in the window', () => {
    expect(matchOne('payment_fingerprint', 'pm_ring', { first_seen: '2026-11-05T00:00:00Z' }).keys).toEqual(['r3', 'r4']);
    expect(matchOne('payment_fingerprint', 'pm_ring', { last_seen: '2026-11-03T00:00:00Z' }).keys).toEqual(['r1']);
    expect(matchOne('payment_fingerprint', 'pm_ring', { first_seen: '2026-11-03T00:00:00Z', last_seen: '2026-11-04T00:00:00Z' }).keys).toEqual(['r2']);
  });

  it('asn is accepted but never matches (the logs carry no ASN)', () => {
    const r = matchOne('asn', 'AS64500');
    expect(r.keys).toEqual([]);
    expect(r.unmatchable).toMatch(/no ASN/);
  });

  it('template without mined templates is unmatchable, with the reason', () => {
    expect(matchOne('template', 'Think step by step: {}').unmatchable).toMatch(/templates were not mined/);
  });
});

describe('template matching', () => {
  const mined = [
    'you are a careful grader. think step by step and write out your full reasoning before the final answer. question: <*>',
    'you are a helpful assistant. <*>',
    'translate the following text into french: <*>',
  ];
  const m = new TemplateMatcher(mined, 0.8);

  it('splits a framing at {} and <*>', () => {
    expect(framePieces('a {} b <*> c')).toEqual(['a', 'b', 'c']);
  });

  it('matches a paraphrase both ways, with the analyst’s casing and slot marker', () => {
    expect(m.match('You are a careful grader. Think step by step and write out your complete reasoning before the final answer. Question: {}')).toEqual([0]);
  });

  it('does not match a generic frame to a specific one, nor the reverse', () => {
    expect(m.match('You are a helpful assistant. Translate the following text into French: {}')).toEqual([]);
    expect(m.match('Think step by step. {}')).toEqual([]);
    expect(m.match('You are a helpful assistant. {}')).toEqual([1]);
  });
});

describe('confidence', () => {
  it('weighs by type, confidence and specificity; evidence is a noisy-OR', () => {
    expect(indicatorWeight('key_id', 1, 1)).toBeCloseTo(0.9);
    expect(indicatorWeight('user_agent', 1, 0.1)).toBeCloseTo(0.03);
    expect(indicatorWeight('payment_fingerprint', 0.5, 1)).toBeCloseTo(0.4);
    expect(combineEvidence([])).toBe(0);
    expect(combineEvidence([0.5, 0.5])).toBeCloseTo(0.75);
    expect(combineEvidence([0.9, 0.1])).toBeCloseTo(0.91);
  });
});

describe('propagation', () => {
  // A path 0 – 1 – 2 – 3 with weights 3, 0.75, 1.5 (firm weight 1.5).
  const graph = { members: Int32Array.of(10, 11, 12, 13), source: Int32Array.of(0, 1, 2), target: Int32Array.of(1, 2, 3), weight: Float64Array.of(3, 0.75, 1.5) };

  it('takes the strongest path, product of min(1, w / firm)', () => {
    const p = propagate(graph, new Set([10]), 1.5);
    expect([...p.label]).toEqual([1, 1, 0.5, 0.5]);
    expect(p.reached).toBe(4);
    expect(p.edges).toBe(3);
    expect(p.share).toBeCloseTo(0.75);
  });

  it('starts from every matched key', () => {
    const p = propagate(graph, new Set([10, 13]), 1.5);
    expect([...p.label]).toEqual([1, 1, 1, 1]);
    expect(p.edges).toBe(2);
  });

  it('reaches nothing over no edges', () => {
    const p = propagate({ ...graph, source: new Int32Array(0), target: new Int32Array(0), weight: new Float64Array(0) }, new Set([11]), 1.5);
    expect([...p.label]).toEqual([0, 1, 0, 0]);
    expect(p.share).toBeCloseTo(0.25);
  });
});

describe('attribute', () => {
  const ring = { id: 'c_ring', members: ['r1', 'r2', 'r3', 'r4'] };
  const strangers = { id: 'c_strangers', members: ['s0', 's1', 's2', 's3'] };
  const run = (actors: ActorsFile['actors']) => {
    const w = world();
    return attribute({
      actors: { path: '/x/actors.json', sha256: 'h', file: parseActors({ actors }, 'actors.json') },
      clusters: [ring, strangers],
      data: w.data,
      linked: w.linked,
      templates: null,
    });
  };

  it('attributes a whole cluster from one known key, propagated over its edges', () => {
    const r = run([{ name: 'RING', description: '', indicators: [{ type: 'key_id', value: 'r1', confidence: 1 }] }]);
    const a = r.clusters[0].attribution!;
    expect(a.actor).toBe('RING');
    expect(a.confidence).toBeCloseTo(0.9);
    expect(a.propagated).toMatchObject({ from: ['r1'], keys: 4, edges: 3 });
    expect(a.propagated.text).toBe('propagated from key r1 over 3 edges to 4 of 4 keys');
    expect(a.indicators[0]).toMatchObject({ type: 'key_id', value: 'r1', accounts_holding: 1, matched_in: { keys: ['r1'], accounts: ['ra1'] } });
    expect(r.clusters[1]).toEqual({ attribution: null, candidates: [] });
  });

  it('a hub value is weak evidence: a shared VPN exit and user agent do not attribute strangers', () => {
    const r = run([
      {
        name: 'VPNUSER',
        description: '',
        indicators: [
          { type: 'ip', value: '203.0.113.9', confidence: 1 },
          { type: 'user_agent', value: 'python-requests/2.31', confidence: 1 },
        ],
      },
    ]);
    expect(r.clusters[1].attribution).toBeNull();
    const c = r.clusters[1].candidates[0];
    expect(c.actor).toBe('VPNUSER');
    expect(c.confidence).toBeLessThan(0.5);
    // Against a value only the cluster holds:
    const rare = run([{ name: 'RARE', description: '', indicators: [{ type: 'ip', value: '198.51.100.20', confidence: 1 }, { type: 'user_agent', value: 'RingBot/1.0', confidence: 1 }] }]);
    expect(rare.clusters[0].attribution?.actor).toBe('RARE');
  });

  it('reports two actors matching one cluster: the best attributed, the other a candidate', () => {
    const r = run([
      { name: 'A', description: '', indicators: [{ type: 'payment_fingerprint', value: 'pm_ring', confidence: 1 }] },
      { name: 'B', description: '', indicators: [{ type: 'key_id', value: 'r4', confidence: 0.7 }] },
    ]);
    expect(r.clusters[0].attribution?.actor).toBe('A');
    expect(r.clusters[0].candidates.map((c) => c.actor)).toEqual(['B']);
    expect(r.file.actors.map((a) => [a.name, a.clusters, a.candidate_in])).toEqual([
      ['A', ['c_ring'], []],
      ['B', [], ['c_ring']],
    ]);
  });

  it('an actor whose indicators match nothing is attributed nowhere', () => {
    const r = run([
      { name: 'ABSENT', description: '', indicators: [{ type: 'payment_fingerprint', value: 'pm_none', confidence: 1 }, { type: 'asn', value: 'AS1', confidence: 1 }] },
    ]);
    expect(r.clusters.every((c) => c.attribution === null && c.candidates.length === 0)).toBe(true);
    expect(r.file.actors[0]).toMatchObject({ matched: 0, clusters: [], unmatchable: [{ type: 'asn', value: 'AS1' }] });
    expect(r.file.actors_file.path).toBe('actors.json');
  });

  it('an indicator outside its time window does not count', () => {
    const r = run([{ name: 'OLD', description: '', indicators: [{ type: 'key_id', value: 'r1', confidence: 1, last_seen: '2026-01-01T00:00:00Z' }] }]);
    expect(r.clusters[0].attribution).toBeNull();
  });
});
