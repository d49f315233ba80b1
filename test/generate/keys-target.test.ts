import { describe, expect, it } from 'vitest';
import { planPopulation, sizesFor } from '../../src/generate/population.ts';
import { START } from '../../src/generate/index.ts';

describe('generate --keys', () => {
  it('rescales ordinary customers to reach about the asked number of keys', () => {
    const natural = planPopulation(1, 20_000, 7, START);
    for (const target of [1_000, 4_000, 12_000]) {
      const pop = planPopulation(1, 20_000, 7, START, target);
      expect(Math.abs(pop.keys.length - target) / target).toBeLessThan(0.05);
      // Only ordinary customers change: the planted groups keep their accounts.
      const planted = (p: typeof pop) => p.accounts.filter((a) => a.group !== 'ordinary').length;
      expect(planted(pop)).toBe(planted(natural));
    }
    expect(natural.accounts.filter((a) => a.group === 'ordinary').length).toBe(sizesFor(20_000).ordinaryAccounts);
  });

  it('leaves the default population alone', () => {
    const a = planPopulation(3, 20_000, 7, START);
    const b = planPopulation(3, 20_000, 7, START);
    expect(a.keys.map((k) => k.id)).toEqual(b.keys.map((k) => k.id));
  });
});
