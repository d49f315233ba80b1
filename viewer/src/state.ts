/**
 * The viewer's one state object and the actions that change it. `reduce` is pure: the store
 * applies it, then the wiring in main.ts asks sigma to refresh and the panels to redraw.
 */

import type { ViewEvidenceType } from './types.ts';

/** Evidence types a build can link keys by, strongest first: the order of the legend and filters. */
export const EVIDENCE_ORDER: readonly ViewEvidenceType[] = Object.freeze([
  'account',
  'payment',
  'signup_ip',
  'template',
  'ip',
  'email_domain',
  'prefix',
  'user_agent',
]);

export interface Filters {
  /** Evidence types hidden from the graph (an edge shows if any of its types is shown). */
  hiddenTypes: readonly string[];
  /** Edges lighter than this are hidden. @default 0 */
  minWeight: number;
  /** Clusters below this risk are hidden in the overview and the list. @default 0 */
  minRisk: number;
}

export interface State {
  /** The cluster being looked into, or null for the overview. */
  cluster: string | null;
  /** The selected key (cluster view only). */
  key: string | null;
  /** The node under the pointer, after the hover debounce. */
  hovered: string | null;
  /** Text in the search box. */
  query: string;
  filters: Filters;
}

export const INITIAL_STATE: State = Object.freeze({
  cluster: null,
  key: null,
  hovered: null,
  query: '',
  filters: Object.freeze({ hiddenTypes: [], minWeight: 0, minRisk: 0 }),
});

export type Action =
  | { type: 'openCluster'; cluster: string }
  | { type: 'selectKey'; key: string | null; cluster?: string }
  | { type: 'back' }
  | { type: 'hover'; node: string | null }
  | { type: 'query'; query: string }
  | { type: 'toggleType'; evidence: string }
  | { type: 'minWeight'; value: number }
  | { type: 'minRisk'; value: number }
  /** The view a URL hash describes (the hover and the query are kept). */
  | { type: 'navigate'; view: Pick<State, 'cluster' | 'key' | 'filters'> };

const clampNonNegative = (value: number) => (Number.isFinite(value) && value > 0 ? value : 0);

export function reduce(state: State, action: Action): State {
  switch (action.type) {
    case 'openCluster':
      if (state.cluster === action.cluster && state.key === null) return state;
      return { ...state, cluster: action.cluster, key: null, hovered: null };
    case 'selectKey': {
      const cluster = action.cluster ?? state.cluster;
      if (cluster === null) return state; // a key is only shown inside its cluster
      if (cluster === state.cluster && action.key === state.key) return state;
      return { ...state, cluster, key: action.key, hovered: cluster === state.cluster ? state.hovered : null };
    }
    case 'back':
      // One step up: key → cluster → overview.
      if (state.key !== null) return { ...state, key: null };
      if (state.cluster !== null) return { ...state, cluster: null, hovered: null };
      return state;
    case 'hover':
      return state.hovered === action.node ? state : { ...state, hovered: action.node };
    case 'query':
      return state.query === action.query ? state : { ...state, query: action.query };
    case 'toggleType': {
      const hidden = state.filters.hiddenTypes;
      const hiddenTypes = hidden.includes(action.evidence)
        ? hidden.filter((t) => t !== action.evidence)
        : [...hidden, action.evidence].sort();
      return { ...state, filters: { ...state.filters, hiddenTypes } };
    }
    case 'minWeight': {
      const value = clampNonNegative(action.value);
      return value === state.filters.minWeight ? state : { ...state, filters: { ...state.filters, minWeight: value } };
    }
    case 'minRisk': {
      const value = Math.min(1, clampNonNegative(action.value));
      return value === state.filters.minRisk ? state : { ...state, filters: { ...state.filters, minRisk: value } };
    }
    case 'navigate': {
      const { cluster, filters } = action.view;
      const key = cluster === null ? null : action.view.key;
      const same =
        cluster === state.cluster &&
        key === state.key &&
        sameFilters(filters, state.filters);
      if (same) return state;
      return { ...state, cluster, key, filters, hovered: cluster === state.cluster ? state.hovered : null };
    }
  }
}

export function sameFilters(a: Filters, b: Filters): boolean {
  return (
    a.minWeight === b.minWeight &&
    a.minRisk === b.minRisk &&
    a.hiddenTypes.length === b.hiddenTypes.length &&
    a.hiddenTypes.every((t, i) => t === b.hiddenTypes[i])
  );
}

/** A minimal store: the current state, dispatch, and listeners told the previous state. */
export interface Store {
  get(): State;
  dispatch(action: Action): void;
  subscribe(listener: (state: State, previous: State) => void): () => void;
}

export function createStore(initial: State = INITIAL_STATE): Store {
  let state = initial;
  const listeners = new Set<(state: State, previous: State) => void>();
  return {
    get: () => state,
    dispatch(action) {
      const previous = state;
      state = reduce(state, action);
      if (state !== previous) for (const listener of [...listeners]) listener(state, previous);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
