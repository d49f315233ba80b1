/**
 * Loading the files `sybilscope build` wrote for the viewer (OUT/view/, served under data/),
 * relative to the page. Per-cluster files are fetched on demand and kept.
 */
import type { ClusterFile as ClusterView, OverviewFile as Overview, SearchFile as SearchIndex } from './types.ts';

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(new URL(path, document.baseURI), { signal, headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

export interface DataSource {
  overview(): Promise<Overview>;
  cluster(id: string): Promise<ClusterView>;
  search(): Promise<SearchIndex>;
}

export function createDataSource(base = 'data/'): DataSource {
  let overview: Promise<Overview> | null = null;
  let search: Promise<SearchIndex> | null = null;
  const clusters = new Map<string, Promise<ClusterView>>();
  const keep = <T>(promise: Promise<T>, forget: () => void) => {
    promise.catch(forget); // a failed load is retried next time
    return promise;
  };
  return {
    overview: () => (overview ??= keep(getJson<Overview>(`${base}overview.json`), () => (overview = null))),
    search: () => (search ??= keep(getJson<SearchIndex>(`${base}search.json`), () => (search = null))),
    cluster(id) {
      let promise = clusters.get(id);
      if (promise === undefined) {
        promise = keep(getJson<ClusterView>(`${base}clusters/${encodeURIComponent(id)}.json`), () => clusters.delete(id));
        clusters.set(id, promise);
      }
      return promise;
    },
  };
}
