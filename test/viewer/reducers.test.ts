import { describe, expect, it } from 'vitest';
import {
  DIM_EDGE_COLOR,
  DIM_NODE_COLOR,
  EVIDENCE_COLORS,
  HIDE_OTHER_EDGES_ABOVE,
  edgeReducer,
  otherEdgesFor,
  focusNode,
  nodeReducer,
  shownType,
  type EdgeAttributes,
  type Focus,
  type NodeAttributes,
} from '../../viewer/src/reducers.ts';
import { INITIAL_STATE, type State } from '../../viewer/src/state.ts';

const state = (patch: Partial<State> = {}, filters: Partial<State['filters']> = {}): State => ({
  ...INITIAL_STATE,
  ...patch,
  filters: { ...INITIAL_STATE.filters, ...filters },
});
const node = (patch: Partial<NodeAttributes> = {}): NodeAttributes => ({ label: 'n', x: 0, y: 0, size: 5, color: '#123456', ...patch });
const edge = (patch: Partial<EdgeAttributes> = {}): EdgeAttributes => ({ weight: 2, size: 1, types: ['payment', 'ip'], ...patch });
const focus: Focus = { node: 'a', neighbours: new Set(['b']) };

describe('node reducer', () => {
  it('shows a node as built when nothing is focused', () => {
    expect(nodeReducer(state(), null, 'a', node())).toMatchObject({ visibility: 'visible', color: '#123456', size: 5, label: 'n' });
  });

  it('highlights the focus, labels its neighbours and dims the rest', () => {
    expect(nodeReducer(state(), focus, 'a', node())).toMatchObject({ highlighted: true, labelVisibility: 'visible', color: '#123456' });
    expect(nodeReducer(state(), focus, 'b', node())).toMatchObject({ labelVisibility: 'visible', color: '#123456' });
    expect(nodeReducer(state(), focus, 'c', node())).toMatchObject({ labelVisibility: 'hidden', color: DIM_NODE_COLOR });
    const crowd: Focus = { node: 'a', neighbours: new Set(Array.from({ length: 21 }, (_, i) => `n${i}`)) };
    expect(nodeReducer(state(), crowd, 'n3', node()).labelVisibility).toBe('auto'); // too many labels to force
  });

  it('dims nothing when the focused node has no neighbour', () => {
    const alone: Focus = { node: 'a', neighbours: new Set() };
    expect(nodeReducer(state(), alone, 'c', node()).color).toBe('#123456');
    expect(nodeReducer(state(), alone, 'a', node()).highlighted).toBe(true);
  });

  it('marks the selected key', () => {
    expect(nodeReducer(state({ key: 'a' }), null, 'a', node()).highlighted).toBe(true);
  });

  it('hides overview clusters under the minimum risk', () => {
    expect(nodeReducer(state({}, { minRisk: 0.5 }), null, 'c', node({ risk: 0.4 })).visibility).toBe('hidden');
    expect(nodeReducer(state({}, { minRisk: 0.5 }), null, 'c', node({ risk: 0.5 })).visibility).toBe('visible');
    expect(nodeReducer(state({}, { minRisk: 0.5 }), null, 'k', node()).visibility).toBe('visible'); // keys have no risk
  });

  it('draws riskier clusters on top and always labels the top ranks', () => {
    const low = nodeReducer(state(), null, 'c1', node({ risk: 0.1, rank: 40 }));
    const high = nodeReducer(state(), null, 'c2', node({ risk: 0.9, rank: 1 }));
    expect(high.zIndex!).toBeGreaterThan(low.zIndex!);
    expect(high.labelVisibility).toBe('visible');
    expect(low.labelVisibility).toBeUndefined();
  });

  it('does not touch the attributes it is given', () => {
    const attrs = Object.freeze(node());
    nodeReducer(state(), focus, 'c', attrs);
    expect(attrs).toEqual(node());
  });
});

describe('edge reducer', () => {
  it('colours an edge by its strongest shown evidence type', () => {
    expect(edgeReducer(state(), null, 'a', 'b', edge(), 'cluster').color).toBe(EVIDENCE_COLORS.payment);
    expect(edgeReducer(state({}, { hiddenTypes: ['payment'] }), null, 'a', 'b', edge(), 'cluster').color).toBe(EVIDENCE_COLORS.ip);
  });

  it('hides an edge whose every type is hidden', () => {
    expect(edgeReducer(state({}, { hiddenTypes: ['ip', 'payment'] }), null, 'a', 'b', edge(), 'cluster').visibility).toBe('hidden');
  });

  it('hides cluster edges lighter than the minimum weight, but not overview links', () => {
    expect(edgeReducer(state({}, { minWeight: 2.5 }), null, 'a', 'b', edge(), 'cluster').visibility).toBe('hidden');
    expect(edgeReducer(state({}, { minWeight: 2 }), null, 'a', 'b', edge(), 'cluster').visibility).toBe('visible');
    expect(edgeReducer(state({}, { minWeight: 2.5 }), null, 'a', 'b', edge(), 'overview').visibility).toBe('visible');
  });

  it('hides overview links of clusters under the minimum risk', () => {
    expect(edgeReducer(state({}, { minRisk: 0.3 }), null, 'a', 'b', edge({ risk: 0.2 }), 'overview').visibility).toBe('hidden');
  });

  it('keeps the focused node’s edges and dims the others', () => {
    expect(edgeReducer(state(), focus, 'a', 'b', edge(), 'cluster')).toMatchObject({ color: EVIDENCE_COLORS.payment, size: 2 });
    expect(edgeReducer(state(), focus, 'b', 'c', edge(), 'cluster').color).toBe(DIM_EDGE_COLOR);
  });

  it('hides, rather than dims, the others in a dense graph', () => {
    const dense: Focus = { ...focus, otherEdges: 'hide' };
    expect(edgeReducer(state(), dense, 'a', 'b', edge(), 'cluster')).toMatchObject({ visibility: 'visible', color: EVIDENCE_COLORS.payment, size: 2 });
    expect(edgeReducer(state(), dense, 'b', 'c', edge(), 'cluster').visibility).toBe('hidden');
    expect(otherEdgesFor(HIDE_OTHER_EDGES_ABOVE)).toBe('dim');
    expect(otherEdgesFor(HIDE_OTHER_EDGES_ABOVE + 1)).toBe('hide');
  });

  it('dims no edge when the focused node has no neighbour, as for nodes', () => {
    const alone: Focus = { node: 'a', neighbours: new Set(), otherEdges: 'hide' };
    expect(edgeReducer(state(), alone, 'b', 'c', edge(), 'cluster')).toMatchObject({ visibility: 'visible', color: EVIDENCE_COLORS.payment });
  });

  it('shownType walks the types in order and skips hidden ones', () => {
    expect(shownType(state({}, { hiddenTypes: ['account'] }), ['account', 'template', 'ip'])).toBe('template');
    expect(shownType(state(), [])).toBeNull();
  });
});

describe('focus', () => {
  it('hover wins over the selected key; nodes missing from the graph are ignored', () => {
    const has = (n: string) => n !== 'gone';
    expect(focusNode(state({ key: 'a', hovered: 'b' }), has)).toBe('b');
    expect(focusNode(state({ key: 'a', hovered: 'gone' }), has)).toBe('a');
    expect(focusNode(state({ key: 'gone' }), has)).toBeNull();
  });
});
