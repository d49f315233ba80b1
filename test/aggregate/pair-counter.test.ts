import { describe, expect, it } from 'vitest';
import { PairCounter } from '../../src/aggregate/pair-counter.ts';
import { Aggregator } from '../../src/aggregate/index.ts';
import { ev, T0 } from '../helpers/records.ts';

/** A small seeded generator, so a failure reproduces. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** The counts a Map per key would give, values ascending. */
function reference(pairs: Array<[number, number]>, keyIndex: Int32Array) {
  const byKey = new Map<number, Map<number, number>>();
  for (const [k, v] of pairs) {
    const m = byKey.get(keyIndex[k]) ?? new Map<number, number>();
    byKey.set(keyIndex[k], m.set(v, (m.get(v) ?? 0) + 1));
  }
  return Array.from({ length: keyIndex.length }, (_, k) => [...(byKey.get(k) ?? new Map())].sort((a, b) => a[0] - b[0]));
}

describe('PairCounter', () => {
  it('counts (key, value) pairs like a Map per key, whatever the order, through runs and rehashes', () => {
    const next = rng(7);
    const keys = 300;
    const pairs: Array<[number, number]> = [];
    for (let i = 0; i < 40_000; i++) {
      const k = Math.floor(next() * keys);
      // Runs of one value, a few keys with hundreds of values (sorted past the insertion-sort cut), negative values.
      const spread = k % 50 === 0 ? 2_000 : 6;
      const v = Math.floor(next() * spread) - (k % 7 === 0 ? 1_000 : 0);
      const run = 1 + Math.floor(next() * 3);
      for (let r = 0; r < run; r++) pairs.push([k, v]);
    }
    // Final index: reversed arrival order.
    const keyIndex = Int32Array.from({ length: keys }, (_, k) => keys - 1 - k);
    const expected = reference(pairs, keyIndex);
    for (const order of ['as generated', 'shuffled']) {
      const input = pairs.slice();
      if (order === 'shuffled') for (let i = input.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [input[i], input[j]] = [input[j], input[i]];
      }
      const counter = new PairCounter();
      input.forEach(([k, v], i) => (i % 5 === 0 ? counter.add(k, v, 1) : counter.bump(k, v)));
      const counts = counter.finish(keyIndex, keys);
      const got = Array.from({ length: keys }, (_, k) => [...counts.of(k)]);
      expect(got, order).toEqual(expected);
      expect(counts.of(3).size).toBe(expected[3].length);
      expect([...counts.of(3).keys()]).toEqual(expected[3].map(([v]) => v));
    }
  });

  it('names values through the names it is given', () => {
    const counter = new PairCounter();
    counter.bump(0, 1);
    counter.bump(0, 0);
    counter.bump(0, 1);
    expect([...counter.finish(Int32Array.of(0), 1).of(0, ['a', 'b'])]).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });

  it('refuses a count past 2^32 instead of wrapping', () => {
    const counter = new PairCounter();
    counter.add(0, 5, 0xffff_ffff);
    expect(() => counter.add(0, 5, 1)).toThrow(/2\^32/);
  });
});

describe('Aggregator', () => {
  it('gives every key the same figures whatever the event order', () => {
    const next = rng(3);
    const events = Array.from({ length: 3_000 }, (_, i) =>
      ev({
        key_id: `k${Math.floor(next() * 40)}`,
        account_id: next() < 0.9 ? `a${Math.floor(next() * 8)}` : null,
        ip: `10.0.${Math.floor(next() * 4)}.${Math.floor(next() * 30)}`,
        user_agent: next() < 0.5 ? 'curl/8' : 'python',
        timestamp: T0 + Math.floor(next() * 7 * 24) * 3_600_000 + i,
        input_tokens: 10,
        output_tokens: 100,
      }),
    );
    const view = (list: typeof events) => {
      const agg = new Aggregator(60_000);
      for (const e of list) agg.addEvent(e);
      const data = agg.finalize();
      return data.keys.map((k) => ({
        id: k.id,
        requests: k.requests,
        tokens: [k.inputTokens, k.outputTokens, k.first, k.last],
        hourOfDay: [...k.hourOfDay],
        hourly: [...k.hourly],
        ips: [...k.ips].map(([ip, n]) => [data.ipNames[ip], n]).sort(),
        userAgents: [...k.userAgents].sort(),
        accounts: [...k.accounts].sort(),
      }));
    };
    const forward = view(events);
    expect(forward.length).toBe(40);
    expect(forward.reduce((s, k) => s + k.requests, 0)).toBe(3_000);
    expect(forward.every((k) => k.hourOfDay.reduce((s, n) => s + n, 0) === k.requests)).toBe(true);
    expect(view(events.slice().reverse())).toEqual(forward);
  });
});
