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

/** The `n` busiest entries, by count descending then name. */
function top<K>(counts: Iterable<[K, number]>, name: (k: K) => string, n: number) {
  return [...counts]
    .map(([k, requests]) => ({ value: name(k), requests }))
    .sort((a, b) => b.requests - a.requests || compareStrings(a.value, b.value))
    .slice(0, n);
}

export function clusterNodes(
  members: Int32Array,
  positions: Float64Array | null,
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
      x: positions === null ? 0 : positions[2 * m],
      y: positions === null ? 0 : positions[2 * m + 1],
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
