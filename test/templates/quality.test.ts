import { describe, expect, it } from 'vitest';
import { mineTemplates, templateQuality } from '../../src/templates/index.ts';
import { planted, PLANTED_FRAMES } from './fixtures.ts';

describe('templateQuality', () => {
  it('scores a perfect, a split and a merged mining', () => {
    const truth = [0, 0, 0, 1, 1, 1, -1, -1];
    expect(templateQuality(truth, [5, 5, 5, 7, 7, 7, -1, -1])).toMatchObject({ purity: 1, recall: 1, ari: 1, freeAssigned: 0 });
    const split = templateQuality(truth, [5, 5, 6, 7, 7, 7, -1, -1]);
    expect(split.purity).toBe(1);
    expect(split.recall).toBeCloseTo(5 / 6);
    const merged = templateQuality(truth, [5, 5, 5, 5, 5, 5, 5, -1]);
    expect(merged.purity).toBeCloseTo(3 / 7);
    expect(merged.recall).toBeCloseTo(3 / 6);
    expect(merged.freeAssigned).toBeCloseTo(0.5);
  });
});

describe('mineTemplates on planted templates', () => {
  it.each([1, 2, 3])('recovers ten planted templates among noise (seed %i)', (seed) => {
    const { samples, truth } = planted(seed, 120, 600);
    const { templates, assignment } = mineTemplates(samples);
    const q = templateQuality(truth, assignment);
    expect(q.purity).toBeGreaterThanOrEqual(0.98);
    expect(q.recall).toBeGreaterThanOrEqual(0.95);
    expect(q.ari).toBeGreaterThanOrEqual(0.95);
    expect(q.freeAssigned).toBeLessThanOrEqual(0.02);
    expect(templates).toHaveLength(PLANTED_FRAMES.length);
    // The reasoning and grading framings are flagged, the translation one is not.
    const flagged = (t: number) => {
      const i = truth.indexOf(t);
      return templates[assignment[i]!]!.reasoning;
    };
    expect([0, 4, 5, 6].map(flagged)).toEqual([true, true, true, true]);
    expect([1, 2, 7].map(flagged)).toEqual([false, false, false]);
  });
});
