/**
 * A cluster's keys for the viewer: position, size by request volume, colour
 * by account, and what the key panel shows (volume, first and last seen,
 * busiest IPs, user agents and templates, degree).
 */
import type { Dataset } from '../aggregate/index.ts';
import type { KeyTemplates } from '../prompts/index.ts';
import { compareStrings } from '../util/compare.ts';
import { roundTo } from '../util/stats.ts';
import type { GraphIndex } from './graph-index.ts';
import type { ClusterNode } from './schema.ts';

export const TOP_IPS = 5;
export const TOP_USER_AGENTS = 3;
export const TOP_TEMPLATES = 5;

/** Node size of a key that sent `requests` requests. */
export const keySize = (requests: number) => roundTo(2 + 2 * Math.log10(1 + requests), 2);

const iso = (t: number) => (Number.isFinite(t) ? new Date(t).toISOString() : null);

/**
 * The `n` busiest entries, by count descending then name: the first `n` of
 * the sorted list, kept while reading, so a key with thousands of IPs costs
 * no sort and no object per IP.
 */
export function top<K>(counts: Iterable<[K, number]>, name: (k: K) => string, n: number) {
  const best: Array<{ value: string; requests: number }> = [];
  for (const [k, requests] of counts) {
    if (best.length === n && requests < best[n - 1].requests) continue;
    const value = name(k);
    let at = best.length;
    while (at > 0 && (best[at - 1].requests < requests || (best[at - 1].requests === requests && compareStrings(value, best[at - 1].value) < 0))) at--;
    if (at === n) continue;
    best.splice(at, 0, { value, requests });
    if (best.length > n) best.pop();
  }
  return best;
}

export function clusterNodes(
  members: Int32Array,
  colorOf: string[],
  data: Dataset,
  index: GraphIndex,
  kt: KeyTemplates | null,
): ClusterNode[] {
  return Array.from(members, (key, m): ClusterNode => {
    const k = data.keys[key];
    const a = data.keyAccount[key];
    const templates = kt === null ? [] : top(kt.perKey[key], (t) => kt.templates[t].id, TOP_TEMPLATES);
    return {
      id: k.id,
      account: a >= 0 ? data.accounts[a].id : null,
      x: 0, // placed once ForceAtlas2 is done (placeAt)
      y: 0,
      size: keySize(k.requests),
      color: colorOf[m],
      requests: k.requests,
      input_tokens: k.inputTokens,
      output_tokens: k.outputTokens,
      first_seen: iso(k.first),
      last_seen: iso(k.last),
      active_hours: k.hourly.size,
      ip_count: k.ips.size,
      top_ips: top(k.ips, (ip) => data.ipNames[ip], TOP_IPS),
      top_user_agents: top(k.userAgents, (ua) => ua, TOP_USER_AGENTS),
      top_templates: templates.map((t) => ({ id: t.value, prompts: t.requests })),
      degree: index.degree[key],
      external_degree: index.external[key],
    };
  });
}
