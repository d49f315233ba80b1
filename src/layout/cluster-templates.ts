/**
 * The templates a cluster's keys use, with the cluster's keys, accounts,
 * sampled prompts and estimated requests under each. Only template texts and
 * ids: no filling ever reaches a view file.
 */
import { ownerOf, type Dataset } from '../aggregate/index.ts';
import { estimatedRequests, type KeyTemplates } from '../prompts/index.ts';
import { compareStrings } from '../util/compare.ts';
import type { ClusterFile } from './schema.ts';

export const MAX_CLUSTER_TEMPLATES = 50;

export type ClusterTemplate = ClusterFile['templates'][number];

/** Templates by prompts descending, then id; with the key of single-key templates (for search). */
export function clusterTemplates(members: Int32Array, data: Dataset, kt: KeyTemplates | null): Array<ClusterTemplate & { onlyKey: number }> {
  if (kt === null) return [];
  const tally = new Map<number, { keys: number; owners: Set<number>; prompts: number; requests: number; lastKey: number }>();
  for (const key of members) {
    for (const [t, n] of kt.perKey[key]) {
      let s = tally.get(t);
      if (s === undefined) tally.set(t, (s = { keys: 0, owners: new Set(), prompts: 0, requests: 0, lastKey: key }));
      s.keys++;
      s.owners.add(ownerOf(data, key));
      s.prompts += n;
      s.requests += estimatedRequests(kt, data, key, t);
      s.lastKey = key;
    }
  }
  return [...tally.entries()]
    .map(([t, s]) => ({
      id: kt.templates[t].id,
      text: kt.templates[t].text,
      reasoning: kt.templates[t].reasoning,
      keys: s.keys,
      accounts: s.owners.size,
      prompts: s.prompts,
      requests: s.requests,
      onlyKey: s.keys === 1 ? s.lastKey : -1,
    }))
    .sort((a, b) => b.prompts - a.prompts || compareStrings(a.id, b.id))
    .slice(0, MAX_CLUSTER_TEMPLATES);
}
