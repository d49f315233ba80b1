/**
 * The view in the URL hash, both ways, so that a link reproduces what an analyst sees:
 * `#cluster=c_…&key=sk-…&minWeight=1.5&minRisk=0.2&hide=ip,prefix`. Pure functions; values are
 * URI-encoded (keys come from the logs and may hold any character). Defaults are left out.
 */
import { INITIAL_STATE, type Filters, type State } from './state.ts';

export type HashView = Pick<State, 'cluster' | 'key' | 'filters'>;

const number = (text: string | null, fallback: number) => {
  if (text === null || text.trim() === '') return fallback;
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 ? value : fallback;
};

/** Parse a hash (with or without the leading '#'); unknown or malformed parts fall back to defaults. */
export function parseHash(hash: string): HashView {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const cluster = params.get('cluster') || null;
  const key = cluster === null ? null : params.get('key') || null;
  const hide = params.get('hide');
  const filters: Filters = {
    hiddenTypes: hide ? [...new Set(hide.split(',').filter((t) => t !== ''))].sort() : [],
    minWeight: number(params.get('minWeight'), INITIAL_STATE.filters.minWeight),
    minRisk: Math.min(1, number(params.get('minRisk'), INITIAL_STATE.filters.minRisk)),
  };
  return { cluster, key, filters };
}

/** The hash for a view, '' for the default view; parseHash(formatHash(v)) equals v. */
export function formatHash(view: HashView): string {
  const parts: string[] = [];
  const put = (name: string, value: string) => parts.push(`${name}=${encodeURIComponent(value)}`);
  if (view.cluster !== null) {
    put('cluster', view.cluster);
    if (view.key !== null) put('key', view.key);
  }
  const { filters } = view;
  if (filters.minWeight !== INITIAL_STATE.filters.minWeight) put('minWeight', String(filters.minWeight));
  if (filters.minRisk !== INITIAL_STATE.filters.minRisk) put('minRisk', String(filters.minRisk));
  if (filters.hiddenTypes.length > 0) parts.push(`hide=${[...filters.hiddenTypes].sort().map(encodeURIComponent).join(',')}`);
  return parts.length === 0 ? '' : `#${parts.join('&')}`;
}
