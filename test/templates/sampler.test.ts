import { describe, expect, it } from 'vitest';
import { estimateSupport, mineTemplates, PromptSampler, promptRank, type PromptSample } from '../../src/templates/index.ts';
import { budgetRung } from '../../src/templates/sampler.ts';
import { createRng, shuffle } from '../../src/util/rng.ts';
import { filler } from './fixtures.ts';

function stream(n: number): PromptSample[] {
  const f = filler(21);
  return Array.from({ length: n }, (_, i) => ({
    key: i % 4,
    prompt: i % 2 ? `Summarize the following text for a busy executive: ${f.prose(120)}` : f.prose(150),
    timestamp: i,
  }));
}

describe('PromptSampler', () => {
  it('keeps at most maxPerKey prompts per key and counts all', () => {
    const s = new PromptSampler(25, 7);
    for (const r of stream(400)) s.add(r.key, r.prompt, r.timestamp);
    const out = s.samples();
    expect(out).toHaveLength(100);
    for (let key = 0; key < 4; key++) {
      expect(out.filter((r) => r.key === key)).toHaveLength(25);
      expect(s.seen(key)).toBe(100);
      expect(s.sampled(key)).toBe(25);
    }
  });

  it('does not depend on arrival order', () => {
    const rows = stream(400);
    const a = new PromptSampler(30, 3);
    for (const r of rows) a.add(r.key, r.prompt, r.timestamp);
    const b = new PromptSampler(30, 3);
    for (const r of shuffle(createRng(9), [...rows])) b.add(r.key, r.prompt, r.timestamp);
    expect(b.samples()).toEqual(a.samples());
    const c = new PromptSampler(30, 4);
    for (const r of rows) c.add(r.key, r.prompt, r.timestamp);
    expect(c.samples()).not.toEqual(a.samples());
  });

  it('estimates template support from the sample', () => {
    const rows = stream(2000);
    const s = new PromptSampler(100, 1);
    for (const r of rows) s.add(r.key, r.prompt, r.timestamp);
    const samples = s.samples();
    const { templates, assignment } = mineTemplates(samples);
    expect(templates).toHaveLength(1);
    const est = estimateSupport(samples, assignment, templates.length, s);
    expect(est[0]).toBeGreaterThan(1000 * 0.85);
    expect(est[0]).toBeLessThan(1000 * 1.15);
  });

  it('estimates template support from a sample cut by the total budget', () => {
    const rows = stream(2000);
    for (const max of [120, 40]) {
      const s = new PromptSampler(100, 1, max); // 4 keys: 30 and then 10 prompts each
      for (const r of rows) s.add(r.key, r.prompt, r.timestamp);
      const samples = s.samples();
      expect(samples.length).toBeLessThanOrEqual(max);
      const { templates, assignment } = mineTemplates(samples);
      expect(templates).toHaveLength(1);
      const est = estimateSupport(samples, assignment, templates.length, s);
      expect(est[0]).toBeGreaterThan(1000 * 0.7);
      expect(est[0]).toBeLessThan(1000 * 1.3);
    }
  });

  it('rejects a bound below 1', () => {
    expect(() => new PromptSampler(0, 1)).toThrow(RangeError);
  });
});

describe('PromptSampler under a total budget (maxPrompts)', () => {
  /** 40 keys of 1 to 60 prompts, some texts repeated within a key and across keys. */
  function rows(): PromptSample[] {
    const f = filler(5);
    const out: PromptSample[] = [];
    for (let key = 0; key < 40; key++) {
      const n = 1 + ((key * 37) % 60);
      for (let i = 0; i < n; i++) out.push({ key, prompt: i % 7 === 3 ? `shared prompt ${i % 5}` : f.prose(40), timestamp: key * 1000 + i });
    }
    return out;
  }
  const run = (data: PromptSample[], perKey: number, max: number) => {
    const s = new PromptSampler(perKey, 2, max);
    let peak = 0;
    for (const r of data) {
      s.add(r.key, r.prompt, r.timestamp);
      peak = Math.max(peak, s.size);
    }
    return { s, peak, samples: s.samples() };
  };
  /** The sample of rung r computed from all rows at once: per key, the perKey smallest ranks below the threshold. */
  const offline = (data: PromptSample[], perKey: number, r: number) => {
    const { perKey: k, threshold } = budgetRung(perKey, r);
    const all = new PromptSampler(perKey, 2);
    for (const x of data) all.add(x.key, x.prompt, x.timestamp);
    const kept: PromptSample[] = [];
    const count = new Map<number, number>();
    for (const x of all.samples()) {
      if (promptRank(x.prompt, 2) >= threshold) continue;
      const c = count.get(x.key) ?? 0;
      if (c < k) kept.push(x), count.set(x.key, c + 1);
    }
    return kept;
  };

  it('is the plain per-key sample while the data fit', () => {
    const data = rows();
    const plain = run(data, 8, Infinity).samples;
    const within = run(data, 8, plain.length);
    expect(within.samples).toEqual(plain);
    expect(within.s.budget()).toEqual({ bound: false, perKey: 8, threshold: 1 });
  });

  it('ends on the first rung where all the rows fit, for any row order, holding at most the budget', () => {
    const data = rows();
    for (const max of [200, 40, 25, 7]) {
      const a = run(data, 8, max);
      let r = 0;
      while (offline(data, 8, r).length > max) r++;
      expect(a.samples, `max ${max}`).toEqual(offline(data, 8, r));
      expect(a.samples.length).toBeLessThanOrEqual(max);
      expect(a.peak).toBeLessThanOrEqual(max);
      expect(a.s.budget().bound).toBe(true);
      for (const seed of [1, 2, 3]) expect(run(shuffle(createRng(seed), [...data]), 8, max).samples, `max ${max} order ${seed}`).toEqual(a.samples);
    }
  });

  it('cuts prompts per key before dropping keys, then drops prompts by a hash threshold', () => {
    const data = rows();
    const keys = (samples: PromptSample[]) => new Set(samples.map((x) => x.key)).size;
    const cut = run(data, 8, 60);
    expect(keys(cut.samples)).toBe(40); // every key keeps a prompt
    expect(cut.s.budget().threshold).toBe(1);
    const dropped = run(data, 8, 20);
    expect(dropped.s.budget()).toMatchObject({ perKey: 1 });
    expect(dropped.s.budget().threshold).toBeLessThan(1);
    expect(keys(dropped.samples)).toBeLessThan(40);
    // Counts stay per key: seen() counts every prompt whether it was kept or not.
    expect(data.filter((x) => x.key === 5).length).toBe(dropped.s.seen(5));
  });
});
