import { describe, expect, it } from 'vitest';
import { poisson } from '../../src/generate/activity.ts';
import { AliasTable } from '../../src/generate/alias.ts';
import { csvField } from '../../src/generate/accounts-csv.ts';
import { createRng } from '../../src/util/rng.ts';

describe('AliasTable', () => {
  it('draws indices in proportion to their weights', () => {
    const t = new AliasTable([1, 0, 3, 6]);
    const rng = createRng(1);
    const n = [0, 0, 0, 0];
    for (let i = 0; i < 100_000; i++) n[t.draw(rng)]!++;
    expect(n[1]).toBe(0);
    expect(n[0]! / 1e5).toBeCloseTo(0.1, 2);
    expect(n[2]! / 1e5).toBeCloseTo(0.3, 2);
    expect(n[3]! / 1e5).toBeCloseTo(0.6, 2);
  });
});

describe('poisson', () => {
  it('has the requested mean, small and large', () => {
    const rng = createRng(2);
    for (const mean of [0.05, 3, 200]) {
      let s = 0;
      for (let i = 0; i < 20_000; i++) s += poisson(rng, mean);
      expect(s / 20_000 / mean).toBeCloseTo(1, 1);
    }
    expect(poisson(rng, 0)).toBe(0);
  });
});

describe('csvField', () => {
  it('quotes only what RFC 4180 requires', () => {
    expect(csvField('US')).toBe('US');
    expect(csvField('Korea, Republic of')).toBe('"Korea, Republic of"');
    expect(csvField('=HYPERLINK("http://x")')).toBe('"=HYPERLINK(""http://x"")"');
  });
});
