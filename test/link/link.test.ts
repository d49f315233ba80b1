import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/schema.ts';
import { explainEdge, link } from '../../src/link/index.ts';
import { rarityWeight } from '../../src/link/rarity.ts';
import { coactive } from '../../src/link/coactivity.ts';
import { acct, config, dataset, ev, T0 } from '../helpers/records.ts';

const HOUR = 3_600_000;

describe('rarity', () => {
  it('weighs a value by the distinct accounts sharing it', () => {
    expect(rarityWeight(1, 0.5)).toBe(1);
    expect(rarityWeight(2, 0.5)).toBe(1);
    expect(rarityWeight(5, 0.5)).toBeCloseTo(0.5);
    expect(rarityWeight(5, 1)).toBeCloseTo(0.25);
  });
});

describe('co-activity', () => {
  it('matches the same or an adjacent window only', () => {
    // Three keys' windows, flat: [1, 5, 9] | [3, 10] | [3, 7].
    const w = { offsets: Int32Array.of(0, 3, 5, 7), data: Float64Array.of(1, 5, 9, 3, 10, 3, 7) };
    expect(coactive(w, 0, 1)).toBe(true);
    expect(coactive(w, 0, 2)).toBe(false);
    expect(coactive({ offsets: Int32Array.of(0, 0, 1), data: Float64Array.of(3) }, 0, 1)).toBe(false);
  });
});

describe('link', () => {
  it('never links strangers through a hub IP', () => {
    const events = Array.from({ length: 60 }, (_, i) => ev({ key_id: `k${i}`, account_id: `a${i}`, ip: '198.51.100.7', timestamp: T0 }));
    const linked = link(dataset(events), DEFAULT_CONFIG);
    expect(linked.kept).toEqual([]);
    expect(linked.hubs.map((h) => [h.type, h.value, h.accounts])).toContainEqual(['ip', '198.51.100.7', 60]);
  });

  it('keeps a rare shared IP below the edge threshold unless the keys are co-active', () => {
    const apart = [ev({ key_id: 'k1', account_id: 'a1', ip: '203.0.113.5', timestamp: T0 }), ev({ key_id: 'k2', account_id: 'a2', ip: '203.0.113.5', timestamp: T0 + 48 * HOUR })];
    expect(link(dataset(apart), DEFAULT_CONFIG).kept).toHaveLength(0);
    const together = [apart[0], ev({ key_id: 'k2', account_id: 'a2', ip: '203.0.113.5', timestamp: T0 + 5 * 60_000 })];
    const linked = link(dataset(together), DEFAULT_CONFIG);
    expect(linked.kept).toHaveLength(1);
    const evidence = explainEdge(linked.store, linked.kept[0], linked.tables, 3);
    expect(evidence.ip?.values[0]).toMatchObject({ value: '203.0.113.5', accounts: 2, coactive: true });
  });

  it('counts rarity in accounts: one organisation’s keys on its NAT are not strangers', () => {
    const events = Array.from({ length: 80 }, (_, i) => ev({ key_id: `k${i}`, account_id: 'big-org', ip: '192.0.2.1' }));
    const linked = link(dataset(events), DEFAULT_CONFIG);
    expect(linked.hubs).toEqual([]);
    expect(linked.kept.length).toBeGreaterThan(0);
  });

  it('does not emit k² pairs for a value on many keys', () => {
    const cfg = config();
    const k = 2000;
    const events = Array.from({ length: k }, (_, i) => ev({ key_id: `k${String(i).padStart(4, '0')}`, account_id: 'reseller' }));
    const linked = link(dataset(events), cfg);
    expect(linked.store.size).toBeLessThanOrEqual(k * cfg.projection.sparseDegree);
    expect(linked.store.size).toBeGreaterThan(k);
    // Each key keeps roughly the weight the clique would give it: (k − 1) × account weight.
    const strength = new Float64Array(k);
    for (let s = 0; s < linked.store.size; s++) {
      const [i, j] = linked.store.endpoints(s);
      strength[i] += linked.store.total(s);
      strength[j] += linked.store.total(s);
    }
    const mean = strength.reduce((a, b) => a + b, 0) / k;
    expect(mean).toBeCloseTo((k - 1) * cfg.evidence.account.weight, -1);
  });

  it('links keys through account-level evidence: a shared payment method', () => {
    const accounts = [acct({ account_id: 'a1', payment_fingerprint: 'pm_1' }), acct({ account_id: 'a2', payment_fingerprint: 'pm_1' })];
    const events = [ev({ key_id: 'k1', account_id: 'a1' }), ev({ key_id: 'k2', account_id: 'a2' })];
    const linked = link(dataset(events, accounts), DEFAULT_CONFIG);
    expect(linked.kept).toHaveLength(1);
    expect(explainEdge(linked.store, linked.kept[0], linked.tables, 3).payment).toMatchObject({
      weight: 3,
      shared: 1,
      values: [{ value: 'pm_1', accounts: 2, keys: 2 }],
    });
  });
});
