import { describe, expect, it } from 'vitest';
import { mineTemplates, type MinerStats, type PromptSample } from '../../src/templates/index.ts';
import { createRng, randInt } from '../../src/util/rng.ts';
import { manySmallTemplates } from './fixtures.ts';

/** Mines and returns the work counters (operations, not time). */
function work(samples: PromptSample[], options = {}): MinerStats {
  const stats: Partial<MinerStats> = {};
  mineTemplates(samples, options, stats);
  return stats as MinerStats;
}

describe('mineTemplates: work grows linearly with the prompts', () => {
  it('keeps the work per prompt flat as thousands of small templates are added', () => {
    // 4× the prompts, 4× the templates: a search over all frames per prompt would do 4× the work per prompt.
    const small = work(manySmallTemplates(1, 500));
    const large = work(manySmallTemplates(1, 2000));
    expect(large.prompts).toBe(4 * small.prompts);
    // The small templates are found (plus ~300 from the stock sentences), so there is something to search.
    expect(small.templates).toBeGreaterThanOrEqual(500);
    expect(large.templates).toBeGreaterThanOrEqual(2000);
    // The bound comes from the index, not from the cap on crafted input.
    expect(small.capped + large.capped).toBe(0);
    const per = (s: MinerStats, k: keyof MinerStats) => s[k] / s.prompts;
    for (const k of ['postings', 'candidates', 'probes', 'skeletonComparisons', 'foldChecks'] as const) {
      expect(per(large, k), k).toBeLessThanOrEqual(1.25 * per(small, k) + 0.5);
    }
    // And small in absolute terms: a few frames verified per prompt.
    expect(per(large, 'candidates')).toBeLessThanOrEqual(4);
    expect(per(large, 'postings')).toBeLessThanOrEqual(64);
    expect(per(large, 'skeletonComparisons')).toBeLessThanOrEqual(16);
  });

  it('caps the frames verified per prompt on crafted frames that share their rare shingles', () => {
    // 24 × 24 framings "A_i B_j: <*>": every prompt shares a block, and its rarest shingles, with 47 other frames.
    const rng = createRng(3);
    const word = () => Array.from({ length: 6 }, () => String.fromCharCode(97 + randInt(rng, 26))).join('');
    const block = () => Array.from({ length: 8 }, word).join(' ');
    const a = Array.from({ length: 24 }, block);
    const b = Array.from({ length: 24 }, block);
    const samples: PromptSample[] = [];
    a.forEach((x, i) =>
      b.forEach((y, j) => {
        for (let r = 0; r < 6; r++) samples.push({ key: (i * 24 + j) * 2 + (r % 2), prompt: `${x} ${y}: ${word()} ${word()} ${word()} ${word()}`, timestamp: r });
      }),
    );
    const stats: Partial<MinerStats> = {};
    const capped = mineTemplates(samples, { maxCandidates: 8 }, stats);
    const free = mineTemplates(samples, { maxCandidates: 1e6 });
    expect(capped.templates).toHaveLength(24 * 24);
    expect(stats.capped).toBeGreaterThan(0);
    expect(stats.candidates! / samples.length).toBeLessThanOrEqual(8);
    expect(stats.postings! / samples.length).toBeLessThanOrEqual(8 * 16);
    // The frames kept are those with the most prefix hits, so every prompt still finds its own.
    expect([...capped.assignment]).toEqual([...free.assignment]);
  });
});
