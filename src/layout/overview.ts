/**
 * overview.json: one node per cluster (sized by keys, coloured by risk) placed
 * by ForceAtlas2 over the links between clusters, where a link sums the kept
 * key–key edges that cross two clusters; and the run's facts for the header.
 */
import type { Dataset } from '../aggregate/index.ts';
import type { Linked } from '../link/index.ts';
import { round } from '../link/index.ts';
import type { Cluster } from '../output/schemas.ts';
import { compareStrings } from '../util/compare.ts';
import { roundTo } from '../util/stats.ts';
import { RISK_RAMP, riskColor } from './colors.ts';
import { forceLayout } from './force.ts';
import { edgeTypeMask, typesOfMask, type GraphIndex } from './graph-index.ts';
import { VIEW_VERSION, type OverviewFile, type OverviewLink, type RunFacts } from './schema.ts';

/** Node size of a cluster of `keys` keys. */
export const clusterSize = (keys: number) => roundTo(3 + 3 * Math.log2(Math.max(1, keys)), 2);

export function overviewLinks(linked: Linked, clusters: Cluster[], index: GraphIndex): OverviewLink[] {
  const acc = new Map<number, { weight: number; edges: number; mask: number }>();
  const n = clusters.length;
  for (const slot of linked.kept) {
    const [i, j] = linked.store.endpoints(slot);
    const a = index.clusterOf[i];
    const b = index.clusterOf[j];
    if (a < 0 || b < 0 || a === b) continue;
    // Order the pair by cluster id, so `source` < `target` whatever the ranks.
    const [s, t] = compareStrings(clusters[a].id, clusters[b].id) < 0 ? [a, b] : [b, a];
    const pair = s * n + t;
    let link = acc.get(pair);
    if (link === undefined) acc.set(pair, (link = { weight: 0, edges: 0, mask: 0 }));
    link.weight += linked.store.total(slot);
    link.edges++;
    link.mask |= edgeTypeMask(linked, slot);
  }
  return [...acc.entries()]
    .map(([pair, l]) => ({
      source: clusters[Math.floor(pair / n)].id,
      target: clusters[pair % n].id,
      weight: round(l.weight),
      edges: l.edges,
      types: typesOfMask(l.mask),
    }))
    .sort((x, y) => compareStrings(x.source, y.source) || compareStrings(x.target, y.target));
}

export function runFacts(data: Dataset, linked: Linked, clusters: Cluster[], seed: number, privacy: boolean): RunFacts {
  let events = 0;
  let first = Infinity;
  let last = -Infinity;
  for (const k of data.keys) {
    events += k.requests;
    if (k.first < first) first = k.first;
    if (k.last > last) last = k.last;
  }
  let mask = 0;
  for (const slot of linked.kept) mask |= edgeTypeMask(linked, slot);
  return {
    events,
    keys: data.keys.length,
    accounts: data.accounts.length,
    clusters: clusters.length,
    clustered_keys: clusters.reduce((a, c) => a + c.size, 0),
    edges: linked.kept.length,
    evidence_types: typesOfMask(mask),
    first_seen: Number.isFinite(first) ? new Date(first).toISOString() : null,
    last_seen: Number.isFinite(last) ? new Date(last).toISOString() : null,
    seed,
    privacy,
  };
}

export function overviewFile(data: Dataset, linked: Linked, clusters: Cluster[], index: GraphIndex, seed: number, privacy: boolean): OverviewFile {
  const links = overviewLinks(linked, clusters, index);
  // Clusters are in rank order, which is itself a function of the input only.
  const position = new Map(clusters.map((c, i) => [c.id, i]));
  const positions = forceLayout(
    {
      nodes: clusters.length,
      source: links.map((l) => position.get(l.source)!),
      target: links.map((l) => position.get(l.target)!),
      weight: links.map((l) => l.weight),
    },
    seed,
  );
  const nodes = clusters.map((c, i) => ({
    id: c.id,
    rank: c.rank,
    risk: c.risk,
    keys: c.size,
    accounts: c.accounts.length,
    requests: Number(c.features.requests ?? 0),
    first_reason: c.reasons[0] ?? null,
    x: positions[2 * i],
    y: positions[2 * i + 1],
    size: clusterSize(c.size),
    color: riskColor(c.risk),
    ...(c.attribution !== undefined ? { actor: c.attribution?.actor ?? null } : {}),
    ...(c.change !== undefined ? { new: c.change.status === 'new' } : {}),
  }));
  return {
    version: VIEW_VERSION,
    run: runFacts(data, linked, clusters, seed, privacy),
    risk_ramp: RISK_RAMP.map((s) => ({ ...s })),
    nodes,
    links,
  };
}
