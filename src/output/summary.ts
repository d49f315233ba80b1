/**
 * summary.json: rows per file (read = accepted + rejected + blank), keys,
 * edges, suppressed hubs, clustering, and the run's timings and peak memory.
 * Everything but `run` is a pure function of the input, config and seed.
 */
import { getHeapStatistics } from 'node:v8';
import type { Dataset } from '../aggregate/index.ts';
import type { Clustering } from '../cluster/index.ts';
import type { Linked } from '../link/index.ts';
import type { FileStats } from '../model.ts';
import { compareStrings } from '../util/compare.ts';
import { roundTo } from '../util/stats.ts';
import type { Cluster } from './schemas.ts';

export const MAX_LISTED_HUBS = 100;

export interface SummaryInput {
  files: FileStats[];
  data: Dataset;
  linked: Linked;
  clustering: Clustering;
  clusters: Cluster[];
  timings: Record<string, number>;
}

export function buildSummary({ files, data, linked, clustering, clusters, timings }: SummaryInput) {
  const sorted = [...files].sort((a, b) => compareStrings(a.kind, b.kind) || compareStrings(a.file, b.file));
  const total = { read: 0, accepted: 0, rejected: 0, blank: 0 };
  for (const f of files) for (const k of Object.keys(total) as Array<keyof typeof total>) total[k] += f[k];
  const values = Object.fromEntries(
    linked.tables.map((t) => [t.type, { distinct: t.values.length, hubs: t.hub.reduce((a, b) => a + b, 0) }]),
  );
  return {
    rows: { total, files: sorted },
    keys: data.keys.length,
    accounts: data.accounts.length,
    keys_with_several_accounts: data.keysWithSeveralAccounts,
    values,
    edges: { candidates: linked.candidateEdges, kept: linked.kept.length },
    hubs: { suppressed: linked.hubs.length, listed: linked.hubs.slice(0, MAX_LISTED_HUBS) },
    clustering: {
      clusters: clusters.length,
      clustered_keys: clusters.reduce((a, c) => a + c.size, 0),
      communities: clustering.communities,
      split_disconnected: clustering.split,
      weak_members_removed: clustering.peeled,
      nodes_in_graph: clustering.nodesInGraph,
      modularity: roundTo(clustering.modularity, 6),
    },
    run: { timings_ms: timings, peak_rss_bytes: process.resourceUsage().maxRSS * 1024, heap_limit_bytes: getHeapStatistics().heap_size_limit },
  };
}
