import { describe, expect, it } from 'vitest';
import { Aggregator, type Dataset } from '../../src/aggregate/index.ts';
import { PairCounter } from '../../src/aggregate/pair-counter.ts';
import { PromptSampler } from '../../src/templates/index.ts';
import { createRng } from '../../src/util/rng.ts';
import { filler } from '../templates/fixtures.ts';
import { ev, T0 } from '../helpers/records.ts';

/** Everything a Dataset says, by names rather than ids (ids depend on arrival order). */
function view(data: Dataset) {
  const all = Int32Array.from(data.keys, (_, i) => i);
  return {
    keys: data.keys.map((k) => ({
      id: k.id,
      figures: [k.requests, k.inputTokens, k.outputTokens, k.first, k.last],
      hourly: [...k.hourly],
      ips: [...k.ips].map(([ip, n]) => [data.ipNames[ip], n]).sort(),
      userAgents: [...k.userAgents].sort(),
      accounts: [...k.accounts].sort(),
    })),
    windows: data.ipNames
      .map((name, ip) => {
        const w = data.ipWindows.of(ip, all);
        return [name, [...w.offsets], [...w.data]] as const;
      })
      .sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    accounts: data.accounts.map((a) => a.id),
    keyAccount: [...data.keyAccount],
  };
}

function events(seed: number, n: number) {
  const next = createRng(seed);
  return Array.from({ length: n }, (_, i) =>
    ev({
      key_id: `k${Math.floor(next() * 60)}`,
      account_id: next() < 0.9 ? `a${Math.floor(next() * 9)}` : null,
      ip: next() < 0.95 ? `10.0.${Math.floor(next() * 4)}.${Math.floor(next() * 30)}` : null,
      user_agent: next() < 0.5 ? 'curl/8' : next() < 0.5 ? 'python' : null,
      timestamp: T0 + Math.floor(next() * 3 * 24 * 60) * 60_000 + i,
      input_tokens: Math.floor(next() * 100),
      output_tokens: next() < 0.1 ? null : Math.floor(next() * 1000),
    }),
  );
}

describe('Aggregator.part and merge', () => {
  it('gives the Dataset of one aggregator reading every event, however the events are split', () => {
    const list = events(4, 4_000);
    const one = new Aggregator(300_000);
    for (const e of list) one.addEvent(e);
    const expected = view(one.finalize());
    for (const seed of [1, 2, 3]) {
      const next = createRng(seed);
      // Three workers' aggregators and the main one, which also takes some events itself (a CSV header piece).
      const parts = [0, 1, 2].map(() => new Aggregator(300_000));
      const main = new Aggregator(300_000);
      for (const e of list) {
        const r = next();
        if (r < 0.1) main.addEvent(e);
        else parts[Math.floor((r - 0.1) / 0.3)].addEvent(e);
      }
      for (const p of parts) main.merge(p.part());
      expect(view(main.finalize()), `split ${seed}`).toEqual(expected);
    }
  });

  it('returns, per key of the part, its arrival number in the aggregator merged into', () => {
    const a = new Aggregator(60_000);
    a.addEvent(ev({ key_id: 'x' }));
    const b = new Aggregator(60_000);
    b.addEvent(ev({ key_id: 'y' }));
    b.addEvent(ev({ key_id: 'x' }));
    expect([...a.merge(b.part())]).toEqual([1, 0]);
  });
});

describe('PairCounter.absorb', () => {
  it('sums pairs absorbed as lists with the table, repeats included', () => {
    const c = new PairCounter();
    c.bump(0, 5);
    c.bump(0, 5);
    c.bump(1, 2);
    c.absorb({ key: Int32Array.of(0, 1, 1, 0), value: Int32Array.of(5, 2, 3, -4), count: Uint32Array.of(3, 1, 7, 2) });
    c.absorb({ key: Int32Array.of(1), value: Int32Array.of(3), count: Uint32Array.of(1) });
    const counts = c.finish(Int32Array.of(1, 0), 2);
    expect([...counts.of(1)]).toEqual([[-4, 2], [5, 5]]);
    expect([...counts.of(0)]).toEqual([[2, 2], [3, 8]]);
    expect(counts.values.length).toBe(4);
  });

  it('refuses a merged count past 2^32', () => {
    const c = new PairCounter();
    c.add(0, 1, 0xffff_fff0);
    c.absorb({ key: Int32Array.of(0), value: Int32Array.of(1), count: Uint32Array.of(0x20) });
    expect(() => c.finish(Int32Array.of(0), 1)).toThrow(/2\^32/);
  });
});

describe('PromptSampler.part and merge', () => {
  /** 50 keys of 1 to 60 prompts; some texts repeat within and across keys, some rows repeat exactly. */
  function rows() {
    const f = filler(9);
    const out: { key: number; prompt: string; timestamp: number }[] = [];
    for (let key = 0; key < 50; key++) {
      const n = 1 + ((key * 37) % 60);
      for (let i = 0; i < n; i++) {
        const row = { key, prompt: i % 7 === 3 ? `shared prompt ${i % 5}` : f.prose(30), timestamp: key * 1000 + (i % 11) };
        out.push(row);
        if (i % 13 === 0) out.push({ ...row });
      }
    }
    return out;
  }
  const state = (s: PromptSampler, keys: number) => ({
    samples: s.samples(),
    budget: s.budget(),
    seen: Array.from({ length: keys }, (_, k) => s.seen(k)),
    sampled: Array.from({ length: keys }, (_, k) => s.sampled(k)),
  });

  it('holds the sample of every prompt of every part, on the rung one sampler would end on', () => {
    const data = rows();
    for (const max of [Infinity, 300, 120, 40, 9]) {
      const one = new PromptSampler(6, 3, max);
      for (const r of data) one.add(r.key, r.prompt, r.timestamp);
      const expected = state(one, 50);
      for (const seed of [1, 2]) {
        const next = createRng(seed);
        // Parts of very different sizes, so that they stop on different rungs; keys renumbered in each.
        const parts = [0, 1, 2].map(() => new PromptSampler(6, 3, max));
        const main = new PromptSampler(6, 3, max);
        for (const r of data) {
          const x = next();
          if (x < 0.05) main.add(r.key, r.prompt, r.timestamp);
          else parts[x < 0.15 ? 0 : x < 0.4 ? 1 : 2].add(49 - r.key, r.prompt, r.timestamp);
        }
        const rungs = new Set(parts.map((p) => p.budget().perKey * 10 + p.budget().threshold));
        if (max === 40) expect(rungs.size, 'parts on different rungs').toBeGreaterThan(1);
        const renumber = Int32Array.from({ length: 50 }, (_, k) => 49 - k);
        for (const p of seed === 1 ? parts : parts.reverse()) main.merge(p.part(), renumber);
        expect(state(main, 50), `max ${max}, split ${seed}`).toEqual(expected);
      }
      // One part holding everything, into an empty sampler: it must take the part's rung too.
      const whole = new PromptSampler(6, 3, max);
      for (const r of data) whole.add(r.key, r.prompt, r.timestamp);
      const empty = new PromptSampler(6, 3, max);
      empty.merge(whole.part(), Int32Array.from({ length: 50 }, (_, k) => k));
      expect(state(empty, 50), `max ${max}, one part`).toEqual(expected);
    }
  });
});
