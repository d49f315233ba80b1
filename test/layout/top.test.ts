/** A key panel's busiest lists: the first n of the full sort, however the counts come. */
import { describe, expect, it } from 'vitest';
import { top } from '../../src/layout/cluster-nodes.ts';
import { compareStrings } from '../../src/util/compare.ts';
import { createRng } from '../../src/util/rng.ts';

function bySort(counts: Array<[number, number]>, name: (k: number) => string, n: number) {
  return counts
    .map(([k, requests]) => ({ value: name(k), requests }))
    .sort((a, b) => b.requests - a.requests || compareStrings(a.value, b.value))
    .slice(0, n);
}

describe('top', () => {
  it('keeps the first n of the list sorted by count descending, then name', () => {
    const rng = createRng(11);
    const names = Array.from({ length: 500 }, (_, i) => `10.${i % 7}.${(i * 37) % 256}.${i % 13}`);
    for (let round = 0; round < 200; round++) {
      const size = Math.floor(rng() * 40);
      const ids = new Set<number>();
      while (ids.size < size) ids.add(Math.floor(rng() * names.length));
      // Few distinct counts, so ties on count are decided by name.
      const counts = [...ids].map((k): [number, number] => [k, 1 + Math.floor(rng() * 4)]);
      for (const n of [1, 3, 5]) expect(top(counts, (k) => names[k], n), `round ${round}, n ${n}`).toEqual(bySort(counts, (k) => names[k], n));
    }
  });
});
