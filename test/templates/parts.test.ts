import { describe, expect, it } from 'vitest';
import { U32Table } from '../../src/templates/hash-table.ts';
import { normalise } from '../../src/templates/normalise.ts';
import { shingleHashes, shingleHashOf } from '../../src/templates/shingles.ts';
import { similar } from '../../src/templates/group.ts';
import { mineTemplates } from '../../src/templates/index.ts';
import { filler, rows } from './fixtures.ts';

describe('normalise', () => {
  it('lower-cases, collapses whitespace and digit runs, trims', () => {
    expect(normalise('  Hello\t\n WORLD  123 and 4.56 ')).toBe('hello world 0 and 0.0');
    expect(normalise('ÉCOLE Straße')).toBe('école straße');
    expect(normalise('请　思考 １２３')).toBe('请 思考 0');
  });
});

describe('shingles', () => {
  it('rolls to the same hash as hashing each k-gram alone', () => {
    const text = 'the quick brown fox 跳过 the lazy dog';
    const codes = Uint16Array.from(text, (c) => c.charCodeAt(0));
    const out = new Uint32Array(text.length);
    const n = shingleHashes(codes, text.length, 5, out);
    expect(n).toBe(text.length - 4);
    for (let i = 0; i < n; i++) expect(out[i]).toBe(shingleHashOf(text.slice(i, i + 5)));
    expect(shingleHashes(codes, 3, 5, out)).toBe(1);
    expect(out[0]).toBe(shingleHashOf('the'));
  });
});

describe('U32Table', () => {
  it('finds what it stored across growth, key 0 included', () => {
    const t = new U32Table(4);
    for (let i = 0; i < 5000; i++) {
      const slot = t.slot(Math.imul(i, 2654435761)); // before reading t.a: an insert may grow the arrays
      t.a[slot] = i;
    }
    expect(t.size).toBe(5000);
    for (let i = 0; i < 5000; i++) expect(t.a[t.find(Math.imul(i, 2654435761))]).toBe(i);
    expect(t.find(12345)).toBe(-1);
  });
});

describe('skeleton similarity', () => {
  const p = { bands: 8, rows: 4, minSimilarity: 0.5, seed: 1 };
  const range = (a: number, b: number) => Uint32Array.from({ length: b - a }, (_, i) => a + i);
  it('merges variants and keeps nested templates apart', () => {
    expect(similar(range(0, 50), range(3, 53), p)).toBe(true); // a changed word on each side
    expect(similar(range(0, 50), range(0, 51), p)).toBe(true); // one extra junction shingle
    expect(similar(range(0, 50), range(0, 52), p)).toBe(false); // a frame inside a longer frame
    expect(similar(Uint32Array.of(0, 1, 2, 3, 4, 100), Uint32Array.of(0, 1, 2, 3, 4, 200, 201), p)).toBe(false);
    expect(similar(range(0, 50), range(30, 80), p)).toBe(false);
  });
});

describe('mineTemplates: edge cases', () => {
  it('handles empty input and empty or tiny prompts', () => {
    expect(mineTemplates([])).toEqual({ templates: [], assignment: new Int32Array(0) });
    const r = mineTemplates(rows(['', ' ', 'a', 'ok', '', 'a'], (i) => i));
    expect(r.templates).toEqual([]);
    expect([...r.assignment]).toEqual([-1, -1, -1, -1, -1, -1]);
  });

  it('samples at most maxPromptsPerKey prompts per key for discovery but assigns every prompt', () => {
    const f = filler(30);
    const samples = rows(Array.from({ length: 300 }, () => `Summarize the following text for a busy executive: ${f.prose(120)}`), (i) => i % 2);
    const r = mineTemplates(samples, { maxPromptsPerKey: 20 });
    expect(r.templates).toHaveLength(1);
    expect(r.templates[0]!.prompts).toBe(300);
    expect(r.templates[0]!.firstSeen).toBe(samples[0]!.timestamp);
    expect(r.templates[0]!.lastSeen).toBe(samples[299]!.timestamp);
  });
});
