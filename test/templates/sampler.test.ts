import { describe, expect, it } from 'vitest';
import { estimateSupport, mineTemplates, PromptSampler, type PromptSample } from '../../src/templates/index.ts';
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

  it('rejects a bound below 1', () => {
    expect(() => new PromptSampler(0, 1)).toThrow(RangeError);
  });
});
