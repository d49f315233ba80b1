/**
 * Sigma node and edge reducers: pure functions of the state, the focus (the hovered or selected
 * node and its neighbours) and an item's attributes. They derive the appearance and never touch
 * the graph; sigma calls them through thin closures set up in graph-view.ts.
 */
import type { State } from './state.ts';

/** Colours of the evidence types, shared by the edges and the legend. */
export const EVIDENCE_COLORS: Readonly<Record<string, string>> = Object.freeze({
  account: '#8e44ad',
  payment: '#d62728',
  signup_ip: '#ff7f0e',
  template: '#17becf',
  ip: '#1f77b4',
  email_domain: '#bcbd22',
  prefix: '#7f9fbf',
  user_agent: '#9a9a9a',
});
export const FALLBACK_EDGE_COLOR = '#b0b0b0';
export const DIM_NODE_COLOR = '#d8dce3';
export const DIM_EDGE_COLOR = '#eceef2';
export const SELECTED_COLOR = '#111827';

/** The node that appearance centres on and its neighbours; null when nothing is focused. */
export interface Focus {
  node: string;
  neighbours: ReadonlySet<string>;
  /**
   * What happens to the edges that do not touch the focused node: drawn in a dim colour, or
   * hidden (dense graphs: under software WebGL the cost of a frame grows with the edges drawn,
   * and ten thousand near-background lines are most of it). @default 'dim'
   */
  otherEdges?: 'dim' | 'hide';
}

/** Graphs with more edges than this hide, rather than dim, the edges away from the focus. */
export const HIDE_OTHER_EDGES_ABOVE = 3000;

/** How the edges away from the focus are shown in a graph of `edgeCount` edges. */
export const otherEdgesFor = (edgeCount: number): 'dim' | 'hide' => (edgeCount > HIDE_OTHER_EDGES_ABOVE ? 'hide' : 'dim');

/** Hover wins over the selected key; both are ignored when the node is not in the graph. */
export function focusNode(state: State, hasNode: (node: string) => boolean): string | null {
  if (state.hovered !== null && hasNode(state.hovered)) return state.hovered;
  if (state.key !== null && hasNode(state.key)) return state.key;
  return null;
}

export interface NodeAttributes {
  label: string;
  x: number;
  y: number;
  size: number;
  color: string;
  /** Overview nodes only: the cluster's risk and rank. */
  risk?: number;
  rank?: number;
}

/** Overview clusters ranked this high always show their label. */
export const LABELLED_RANKS = 10;

/** Evidence on an edge, strongest type first. */
export interface EdgeAttributes {
  weight: number;
  size: number;
  types: readonly string[];
  /** Overview links: the lower risk of the two clusters (hidden with either). */
  risk?: number;
}

export interface NodeLook {
  color?: string;
  size?: number;
  label?: string | null;
  zIndex?: number;
  highlighted?: boolean;
  forceLabel?: boolean;
  visibility?: 'visible' | 'hidden';
  labelVisibility?: 'auto' | 'visible' | 'hidden';
}

export interface EdgeLook {
  color?: string;
  size?: number;
  zIndex?: number;
  visibility?: 'visible' | 'hidden';
}

export function nodeReducer(state: State, focus: Focus | null, node: string, attrs: NodeAttributes): NodeLook {
  if (attrs.risk !== undefined && attrs.risk < state.filters.minRisk) return { visibility: 'hidden' };
  // Riskier clusters are drawn over the others and the top ranks keep their labels.
  const base = attrs.risk === undefined ? 0 : Math.round(attrs.risk * 100);
  const look: NodeLook = { visibility: 'visible', color: attrs.color, size: attrs.size, label: attrs.label, zIndex: base };
  if (attrs.rank !== undefined && attrs.rank <= LABELLED_RANKS) look.labelVisibility = 'visible';
  if (node === state.key) {
    look.highlighted = true;
    look.labelVisibility = 'visible';
    look.zIndex = 1000;
  }
  if (focus !== null) {
    if (node === focus.node) {
      look.highlighted = true;
      look.labelVisibility = 'visible';
      look.zIndex = 1000;
    } else if (focus.neighbours.has(node)) {
      look.labelVisibility = focus.neighbours.size <= 20 ? 'visible' : 'auto';
      look.zIndex = 500 + base;
    } else if (focus.neighbours.size > 0) {
      // Dim the rest only when there are neighbours to single out.
      look.color = DIM_NODE_COLOR;
      look.labelVisibility = 'hidden';
    }
  }
  return look;
}

/** The strongest evidence type the filters leave shown, or null when every type is hidden. */
export function shownType(state: State, types: readonly string[]): string | null {
  if (types.length === 0) return null;
  for (const type of types) if (!state.filters.hiddenTypes.includes(type)) return type;
  return null;
}

export function edgeReducer(
  state: State,
  focus: Focus | null,
  source: string,
  target: string,
  attrs: EdgeAttributes,
  /** Cluster view: weight threshold applies; the overview filters links by risk instead. */
  level: 'overview' | 'cluster',
): EdgeLook {
  if (attrs.risk !== undefined && attrs.risk < state.filters.minRisk) return { visibility: 'hidden' };
  if (level === 'cluster' && attrs.weight < state.filters.minWeight) return { visibility: 'hidden' };
  const type = attrs.types.length === 0 ? '' : shownType(state, attrs.types);
  if (type === null) return { visibility: 'hidden' };
  const look: EdgeLook = { visibility: 'visible', size: attrs.size, color: EVIDENCE_COLORS[type] ?? FALLBACK_EDGE_COLOR };
  // Like nodes, edges are singled out only when the focus has neighbours (else none touches it).
  if (focus !== null && focus.neighbours.size > 0) {
    if (source === focus.node || target === focus.node) {
      look.zIndex = 1;
      look.size = attrs.size + 1;
    } else if (focus.otherEdges === 'hide') {
      return { visibility: 'hidden' };
    } else {
      look.color = DIM_EDGE_COLOR;
      look.zIndex = 0;
    }
  }
  return look;
}
