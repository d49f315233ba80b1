import { describe, expect, it } from 'vitest';
import { indexEntries, matchEntries } from '../../viewer/src/search-match.ts';
import type { SearchEntry } from '../../viewer/src/types.ts';

const entry = (kind: SearchEntry['kind'], value: string, cluster = 'c_0000000001', key: string | null = null): SearchEntry => ({ kind, value, cluster, key, template: null });

describe('search suggestions', () => {
  const index = indexEntries([
    entry('template', 'summarise the following text: <*>'),
    entry('ip', '10.0.0.1', 'c_0000000002', 'sk-ip'),
    entry('key', 'sk-10'),
    entry('key', 'sk-1'),
    entry('account', 'acct_sk-1x'),
    entry('payment', 'pm_SK1'),
  ]);

  it('ranks exact, then prefix, then substring matches; ties by kind then value', () => {
    expect(matchEntries(index, 'sk-1').map((e) => e.value)).toEqual(['sk-1', 'sk-10', 'acct_sk-1x']);
  });

  it('folds case and trims the query', () => {
    expect(matchEntries(index, '  PM_sk1 ').map((e) => e.value)).toEqual(['pm_SK1']);
  });

  it('finds template text and IPs by substring', () => {
    expect(matchEntries(index, 'following').map((e) => e.kind)).toEqual(['template']);
    expect(matchEntries(index, '0.0.1').map((e) => e.key)).toEqual(['sk-ip']);
  });

  it('an empty query suggests nothing, and the limit holds', () => {
    expect(matchEntries(index, '   ')).toEqual([]);
    expect(matchEntries(index, 's', 2)).toHaveLength(2);
  });
});
