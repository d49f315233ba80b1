import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { focusChange, focusRegime } from '../../viewer/src/focus-change.ts';
import { edgeReducer, nodeReducer, type EdgeAttributes, type Focus, type NodeAttributes } from '../../viewer/src/reducers.ts';
import { INITIAL_STATE, type State } from '../../viewer/src/state.ts';

// A small graph: a–b, a–c, b–c, c–d, d–e, and f alone.
const graph = new Graph<NodeAttributes, EdgeAttributes>({ type: 'undirected' });
for (const [i, n] of ['a', 'b', 'c', 'd', 'e', 'f'].entries()) graph.addNode(n, { label: n, x: i, y: 0, size: 3, color: '#123456' });
for (const [s, t] of [['a', 'b'], ['a', 'c'], ['b', 'c'], ['c', 'd'], ['d', 'e']]) graph.addEdgeWithKey(`${s}${t}`, s, t, { weight: 1, size: 1, types: ['ip'] });

const focusOn = (node: string | null, otherEdges: 'dim' | 'hide' = 'dim'): Focus | null =>
  node === null ? null : { node, neighbours: new Set(graph.neighbors(node)), otherEdges };
const edgesOf = (node: string) => graph.edges(node);
const at = (hovered: string | null, key: string | null = null, otherEdges: 'dim' | 'hide' = 'dim') => ({
  state: { ...INITIAL_STATE, hovered, key } as State,
  focus: focusOn(hovered ?? key, otherEdges),
  key,
});
const sorted = (xs: string[]) => [...xs].sort();

/** The items whose reduced look differs between two views, by running the reducers on every item. */
function lookChanged(before: ReturnType<typeof at>, after: ReturnType<typeof at>) {
  const nodes = graph.filterNodes((n, attrs) => JSON.stringify(nodeReducer(before.state, before.focus, n, attrs)) !== JSON.stringify(nodeReducer(after.state, after.focus, n, attrs)));
  const edges = graph.filterEdges((e, attrs, s, t) => JSON.stringify(edgeReducer(before.state, before.focus, s, t, attrs, 'cluster')) !== JSON.stringify(edgeReducer(after.state, after.focus, s, t, attrs, 'cluster')));
  return { nodes, edges };
}

describe('focus change', () => {
  it('is everything when dimming starts or stops, or switches between dimming and hiding', () => {
    expect(focusChange(at(null), at('a'), edgesOf)).toBe('all');
    expect(focusChange(at('a'), at(null), edgesOf)).toBe('all');
    expect(focusChange(at('a', null, 'dim'), at('b', null, 'hide'), edgesOf)).toBe('all');
    expect(focusChange(at('f'), at('a'), edgesOf)).toBe('all'); // f has no neighbour: nothing was dimmed
    expect(focusRegime(focusOn('f'))).toBe('none');
  });

  it('names the two foci, their neighbours and their edges when the focus moves', () => {
    const change = focusChange(at('a'), at('e'), edgesOf);
    expect(change).not.toBe('all');
    if (change === 'all') return;
    expect(sorted(change.nodes)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(sorted(change.edges)).toEqual(['ab', 'ac', 'de']);
  });

  it('is nothing when neither the focus nor the key changed', () => {
    expect(focusChange(at('a', 'b'), at('a', 'b'), edgesOf)).toEqual({ nodes: [], edges: [] });
    expect(focusChange(at(null), at(null), edgesOf)).toEqual({ nodes: [], edges: [] });
  });

  it('names the old and new key when the selection changes', () => {
    const change = focusChange(at('f', null), at('f', 'e'), edgesOf);
    expect(change !== 'all' && sorted(change.nodes)).toEqual(['e', 'f']);
  });

  it('covers every item whose reduced look changes (checked against the reducers on the whole graph)', () => {
    const views = [at(null), at(null, 'b'), at('a'), at('e'), at('f'), at('f', 'd'), at('c', 'a'), at('d', null, 'hide'), at('b', 'e', 'hide'), at('e', 'e', 'hide')];
    for (const before of views) {
      for (const after of views) {
        const change = focusChange(before, after, edgesOf);
        if (change === 'all') continue;
        const changed = lookChanged(before, after);
        for (const n of changed.nodes) expect(change.nodes, `${before.focus?.node}/${before.key} → ${after.focus?.node}/${after.key}: node ${n}`).toContain(n);
        for (const e of changed.edges) expect(change.edges, `${before.focus?.node}/${before.key} → ${after.focus?.node}/${after.key}: edge ${e}`).toContain(e);
      }
    }
  });
});
