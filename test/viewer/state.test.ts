import { describe, expect, it } from 'vitest';
import { createStore, INITIAL_STATE, reduce, type State } from '../../viewer/src/state.ts';

const at = (patch: Partial<State>): State => ({ ...INITIAL_STATE, ...patch });

describe('viewer state', () => {
  it('opens a cluster, selects a key, and goes back one step at a time', () => {
    let s = reduce(INITIAL_STATE, { type: 'openCluster', cluster: 'c_1' });
    expect([s.cluster, s.key]).toEqual(['c_1', null]);
    s = reduce(s, { type: 'selectKey', key: 'sk-a' });
    expect([s.cluster, s.key]).toEqual(['c_1', 'sk-a']);
    s = reduce(s, { type: 'back' });
    expect([s.cluster, s.key]).toEqual(['c_1', null]);
    s = reduce(s, { type: 'back' });
    expect([s.cluster, s.key]).toEqual([null, null]);
    expect(reduce(s, { type: 'back' })).toBe(s);
  });

  it('selecting a key in another cluster moves there and forgets the hover', () => {
    const s = reduce(at({ cluster: 'c_1', hovered: 'sk-a' }), { type: 'selectKey', key: 'sk-b', cluster: 'c_2' });
    expect(s).toMatchObject({ cluster: 'c_2', key: 'sk-b', hovered: null });
  });

  it('a key cannot be selected on the overview without its cluster', () => {
    expect(reduce(INITIAL_STATE, { type: 'selectKey', key: 'sk-a' })).toBe(INITIAL_STATE);
  });

  it('opening a cluster drops the selected key and the hover', () => {
    const s = reduce(at({ cluster: 'c_1', key: 'sk-a', hovered: 'sk-b' }), { type: 'openCluster', cluster: 'c_2' });
    expect(s).toMatchObject({ cluster: 'c_2', key: null, hovered: null });
  });

  it('toggles evidence types, keeping the hidden list sorted', () => {
    let s = reduce(INITIAL_STATE, { type: 'toggleType', evidence: 'prefix' });
    s = reduce(s, { type: 'toggleType', evidence: 'ip' });
    expect(s.filters.hiddenTypes).toEqual(['ip', 'prefix']);
    s = reduce(s, { type: 'toggleType', evidence: 'prefix' });
    expect(s.filters.hiddenTypes).toEqual(['ip']);
  });

  it('clamps thresholds: weight ≥ 0, risk in [0, 1], garbage to 0', () => {
    expect(reduce(INITIAL_STATE, { type: 'minWeight', value: -3 }).filters.minWeight).toBe(0);
    expect(reduce(INITIAL_STATE, { type: 'minWeight', value: Number.NaN })).toBe(INITIAL_STATE);
    expect(reduce(INITIAL_STATE, { type: 'minRisk', value: 7 }).filters.minRisk).toBe(1);
    expect(reduce(INITIAL_STATE, { type: 'minRisk', value: 0.25 }).filters.minRisk).toBe(0.25);
  });

  it('returns the same object when nothing changes, so that listeners are not called', () => {
    const s = at({ cluster: 'c_1', hovered: 'sk-a', query: 'x' });
    expect(reduce(s, { type: 'hover', node: 'sk-a' })).toBe(s);
    expect(reduce(s, { type: 'query', query: 'x' })).toBe(s);
    expect(reduce(s, { type: 'openCluster', cluster: 'c_1' })).toBe(s);
    expect(reduce(s, { type: 'navigate', view: { cluster: 'c_1', key: null, filters: { ...s.filters, hiddenTypes: [] } } })).toBe(s);
  });

  it('navigate applies a whole view, keeps the hover within the same cluster, and drops a key without cluster', () => {
    const s = at({ cluster: 'c_1', hovered: 'sk-a', query: 'q' });
    const filters = { hiddenTypes: ['ip'], minWeight: 1, minRisk: 0.5 };
    expect(reduce(s, { type: 'navigate', view: { cluster: 'c_1', key: 'sk-b', filters } })).toEqual({ ...s, key: 'sk-b', filters });
    expect(reduce(s, { type: 'navigate', view: { cluster: null, key: 'sk-b', filters } })).toEqual({ ...s, cluster: null, key: null, hovered: null, filters });
  });

  it('never mutates the state it is given', () => {
    const s = Object.freeze(at({ cluster: 'c_1', filters: Object.freeze({ hiddenTypes: Object.freeze(['ip']) as string[], minWeight: 0, minRisk: 0 }) }));
    expect(() => reduce(s, { type: 'toggleType', evidence: 'prefix' })).not.toThrow();
    expect(s.filters.hiddenTypes).toEqual(['ip']);
  });

  it('the store tells listeners the new and previous state, only on change', () => {
    const store = createStore();
    const seen: Array<[string | null, string | null]> = [];
    const stop = store.subscribe((state, previous) => seen.push([previous.cluster, state.cluster]));
    store.dispatch({ type: 'openCluster', cluster: 'c_1' });
    store.dispatch({ type: 'openCluster', cluster: 'c_1' });
    stop();
    store.dispatch({ type: 'back' });
    expect(seen).toEqual([[null, 'c_1']]);
    expect(store.get().cluster).toBeNull();
  });
});
