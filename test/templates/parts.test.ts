import { describe, expect, it } from 'vitest';
import { U32Table } from '../../src/templates/hash-table.ts';
import { normalise } from '../../src/templates/normalise.ts';
import { shingleHashes, shingleHashOf } from '../../src/templates/shingles.ts';
import { similar } from '../../src/templates/group.ts';
import { mineTemplates } from '../../src/templates/index.ts';
import { PostingLists } from '../../src/templates/posting-lists.ts';
import { KeyCounter } from '../../src/templates/key-counter.ts';
import { extends_, foldExtensions } from '../../src/templates/fold.ts';
import { coverage } from '../../src/templates/paraphrase.ts';
import { Scratch } from '../../src/templates/scratch.ts';
import type { Frame } from '../../src/templates/frame.ts';
import { createRng, pick, randInt } from '../../src/util/rng.ts';
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

describe('PostingLists', () => {
  it('returns every value posted under a key, in order, and nothing for other keys', () => {
    const keys = Uint32Array.of(7, 0, 7, 0xffffffff, 7, 12);
    const values = Int32Array.of(1, 2, 3, 4, 5, 6);
    const lists = new PostingLists(keys, values);
    const get = (k: number) => {
      const c = lists.find(k);
      return c < 0 ? [] : [...lists.values.subarray(lists.cells[c + 1]!, lists.cells[c + 2]!)];
    };
    expect(get(7)).toEqual([1, 3, 5]);
    expect(get(0)).toEqual([2]);
    expect(get(0xffffffff)).toEqual([4]);
    expect(get(12)).toEqual([6]);
    expect(get(1)).toEqual([]);
    expect(lists.size).toBe(4);
  });
});

describe('KeyCounter', () => {
  it('counts keys, once per document when asked, and clears in O(1)', () => {
    const c = new KeyCounter();
    c.clear(4);
    expect([c.add(5, 0), c.add(5, 0), c.add(5, 1), c.add(9)]).toEqual([true, false, true, true]);
    c.add(9);
    expect([c.get(5), c.get(9), c.get(1)]).toEqual([2, 2, 0]);
    c.clear(5000);
    expect(c.get(5)).toBe(0);
  });
});

describe('foldExtensions', () => {
  const frame = (pieces: string[], leading: boolean, trailing: boolean): Frame => ({
    text: (leading ? '<*>' : '') + pieces.join('<*>') + (trailing ? '<*>' : ''),
    pieces,
    leading,
    trailing,
    shingles: new Uint32Array(0),
  });

  it('drops exactly the frames that the pairwise test says extend another', () => {
    const rng = createRng(4);
    const words = ['solve', 'the', 'problem:', 'answer', 'a', 'step by step', 'then', 'question:'];
    const frames: Frame[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < 400; i++) {
      const n = 1 + randInt(rng, 2);
      const pieces = Array.from({ length: n }, () => Array.from({ length: 1 + randInt(rng, 3) }, () => pick(rng, words)).join(' '));
      const f = frame(pieces, rng() < 0.5, rng() < 0.5);
      if (!seen.has(f.text)) seen.add(f.text), frames.push(f);
    }
    const naive = frames.filter((f) => !frames.some((g) => g !== f && extends_(f, g, 16)));
    const stats = { checks: 0 };
    expect(foldExtensions(frames, 16, stats)).toEqual(naive);
    expect(naive.length).toBeLessThan(frames.length); // the case is not trivial
    expect(stats.checks).toBeLessThan(frames.length * 40);
  });

  it('folds "… problem: the <*>" into "… problem: <*>"', () => {
    const base = frame(['solve it. problem: '], false, true);
    const grown = frame(['solve it. problem: the '], false, true);
    expect(foldExtensions([grown, base], 16)).toEqual([base]);
  });
});

describe('paraphrase coverage', () => {
  const s = new Scratch();
  const other = (texts: string[]) => {
    const set = new Set<number>();
    for (const t of texts) {
      s.load(t, 8);
      for (let i = 0; i < s.count; i++) set.add(s.hashes[i]!);
    }
    return { set, text: texts.map(normalise).join('\u0001') };
  };

  it('leaves only the changed characters uncovered, also near the ends of a piece', () => {
    const usual = other(['请一步一步地思考，并写出完整的推理过程。题目：']);
    // Two of 23 CJK characters differ: 21/23 covered, although 9 of 16 shingles break.
    expect(coverage(['请一步一步地思考，并写出详细的推理过程。题目：'], usual, 8, s)).toBeCloseTo(21 / 23, 5);
    // One inserted character, five before the end of the piece.
    expect(coverage(['请逐步推理，最后再给出答案。'], other(['请逐步推理，最后给出答案。']), 8, s)).toBeCloseTo(13 / 14, 5);
    expect(coverage(['think step by step and write out your complete chain of thought'], other(['think step by step and write out your entire chain of thought']), 8, s)).toBeCloseTo(
      (63 - 7) / 63, // "complet": the final "e" starts "e chain ", which both hold
      5,
    );
  });

  it('covers nothing of a frame the other text does not hold, and short pieces only verbatim', () => {
    expect(coverage(['translate to french: '], other(['you are a helpful assistant. ']), 8, s)).toBe(0);
    expect(coverage(['0. ', 'restate what is asked.'], other(['0. restate what is asked.']), 8, s)).toBe(1);
    expect(coverage(['0) '], other(['0. restate what is asked.']), 8, s)).toBe(0);
  });
});
