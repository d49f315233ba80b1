import { describe, expect, it } from 'vitest';
import { INITIAL_STATE } from '../../viewer/src/state.ts';
import { formatHash, parseHash, type HashView } from '../../viewer/src/url.ts';

const view = (patch: { cluster?: string | null; key?: string | null; filters?: Partial<HashView['filters']> } = {}): HashView => ({
  cluster: patch.cluster ?? null,
  key: patch.key ?? null,
  filters: { ...INITIAL_STATE.filters, ...patch.filters },
});

describe('URL hash', () => {
  it('the default view is the empty hash', () => {
    expect(formatHash(view())).toBe('');
    expect(parseHash('')).toEqual(view());
    expect(parseHash('#')).toEqual(view());
  });

  it('writes the documented format', () => {
    expect(formatHash(view({ cluster: 'c_0123456789', key: 'sk-abc', filters: { minWeight: 1.5, minRisk: 0.2, hiddenTypes: ['prefix', 'ip'] } }))).toBe(
      '#cluster=c_0123456789&key=sk-abc&minWeight=1.5&minRisk=0.2&hide=ip,prefix',
    );
  });

  it('round-trips views, including keys with characters that need escaping', () => {
    const views = [
      view({ cluster: 'c_0123456789' }),
      view({ cluster: 'c_0123456789', key: 'sk-1' }),
      view({ cluster: 'c_0123456789', key: '<img src=x onerror=alert(1)>&key=evil#x y/é' }),
      view({ filters: { minWeight: 0.75 } }),
      view({ filters: { minRisk: 1, hiddenTypes: ['account', 'user_agent'] } }),
      view({ cluster: 'c_ffffffffff', key: 'k=&%', filters: { minWeight: 12.25, minRisk: 0.05, hiddenTypes: ['template'] } }),
    ];
    for (const v of views) expect(parseHash(formatHash(v))).toEqual(v);
  });

  it('a key without a cluster is ignored', () => {
    expect(parseHash('#key=sk-1')).toEqual(view());
    expect(formatHash(view({ key: 'sk-1' }))).toBe('');
  });

  it('malformed numbers fall back to defaults; risk is capped at 1', () => {
    expect(parseHash('#minWeight=abc&minRisk=-1').filters).toEqual(INITIAL_STATE.filters);
    expect(parseHash('#minRisk=5').filters.minRisk).toBe(1);
    expect(parseHash('#minWeight=Infinity').filters.minWeight).toBe(0);
  });

  it('hidden types are deduplicated and sorted, so equal views have equal hashes', () => {
    expect(parseHash('#hide=prefix,ip,,prefix').filters.hiddenTypes).toEqual(['ip', 'prefix']);
    expect(formatHash(parseHash('#hide=prefix,ip'))).toBe(formatHash(parseHash('#hide=ip,prefix')));
  });
});
