/**
 * Suggestions for the search box: exact matches first, then prefixes, then substrings, case
 * folded; ties by kind (key, account, IP, payment, template) then value. Pure.
 */
import type { SearchEntry } from './types.ts';

const KIND_ORDER = ['key', 'account', 'ip', 'payment', 'template'];

export interface SearchIndexed {
  entries: readonly SearchEntry[];
  folded: readonly string[];
}

export function indexEntries(entries: readonly SearchEntry[]): SearchIndexed {
  return { entries, folded: entries.map((e) => e.value.toLowerCase()) };
}

export function matchEntries(index: SearchIndexed, query: string, limit = 12): SearchEntry[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  const hits: Array<{ entry: SearchEntry; score: number }> = [];
  for (let i = 0; i < index.folded.length; i++) {
    const text = index.folded[i];
    const at = text.indexOf(q);
    if (at < 0) continue;
    hits.push({ entry: index.entries[i], score: text.length === q.length ? 0 : at === 0 ? 1 : 2 });
  }
  hits.sort(
    (a, b) =>
      a.score - b.score ||
      KIND_ORDER.indexOf(a.entry.kind) - KIND_ORDER.indexOf(b.entry.kind) ||
      (a.entry.value < b.entry.value ? -1 : a.entry.value > b.entry.value ? 1 : 0) ||
      (a.entry.cluster < b.entry.cluster ? -1 : a.entry.cluster > b.entry.cluster ? 1 : 0),
  );
  return hits.slice(0, limit).map((h) => h.entry);
}
