/**
 * overview.json: one node per cluster (sized by keys, coloured by risk) placed
 * by ForceAtlas2 over the links between clusters (overviewLinks: crossing
 * edges and shared non-hub values); and the run's facts for the header.
 */
import type { Dataset } from '../aggregate/index.ts';
import { EVIDENCE_TYPES, type Config } from '../config/schema.ts';
import { rarityWeight } from '../link/rarity.ts';
import type { Linked } from '../link/index.ts';
import { round } from '../link/index.ts';
import type { Cluster } from '../output/schemas.ts';
import { compareStrings } from '../util/compare.ts';
import { roundTo } from '../util/stats.ts';
import { RISK_RAMP, riskColor } from './colors.ts';
import type { ForceGraph } from './force-batch.ts';
import { edgeTypeMask, typesOfMask, type GraphIndex } from './graph-index.ts';
import { VIEW_VERSION, type OverviewFile, type OverviewLink, type RunFacts } from './schema.ts';

/** Node size of a cluster of `keys` keys. */
export const clusterSize = (keys: number) => roundTo(3 + 3 * Math.log2(Math.max(1, keys)), 2);

/** A shared value spread over more clusters than this links none of them (it is infrastructure, not a tie). */
export const MAX_CLUSTERS_PER_VALUE = 8;

/**
 * Links between clusters: the kept key–key edges that cross two clusters
 * (Louvain leaves few), and the non-hub values of linking evidence types
 * (not the support-only ones) that keys of both hold — a card, an IP, a
 * template — each adding its type's weight × rarity, as in linking. A value
 * held in more than MAX_CLUSTERS_PER_VALUE clusters adds nothing.
 */
export function overviewLinks(linked: Linked, clusters: Cluster[], index: GraphIndex, config: Config): OverviewLink[] {
  const acc = new Map<number, { weight: number; edges: number; values: number; mask: number }>();
  const n = clusters.length;
  const entry = (a: number, b: number) => {
    // Order the pair by cluster id, so `source` < `target` whatever the ranks.
    const [s, t] = compareStrings(clusters[a].id, clusters[b].id) < 0 ? [a, b] : [b, a];
    const pair = s * n + t;
    let link = acc.get(pair);
    if (link === undefined) acc.set(pair, (link = { weight: 0, edges: 0, values: 0, mask: 0 }));
    return link;
  };
  for (const slot of linked.kept) {
    const [i, j] = linked.store.endpoints(slot);
    const a = index.clusterOf[i];
    const b = index.clusterOf[j];
    if (a < 0 || b < 0 || a === b) continue;
    const link = entry(a, b);
    link.weight += linked.store.total(slot);
    link.edges++;
    link.mask |= edgeTypeMask(linked, slot);
  }
  const touched: number[] = [];
  for (const table of linked.tables) {
    const ev = config.evidence[table.type];
    if (ev.supportOnly || ev.weight <= 0) continue;
    const bit = 1 << EVIDENCE_TYPES.indexOf(table.type);
    values: for (let v = 0; v < table.values.length; v++) {
      if (table.hub[v] === 1) continue;
      touched.length = 0;
      for (let at = table.keyStart[v]; at < table.keyStart[v + 1]; at++) {
        const c = index.clusterOf[table.keyList[at]];
        if (c >= 0 && !touched.includes(c) && touched.push(c) > MAX_CLUSTERS_PER_VALUE) continue values;
      }
      if (touched.length < 2) continue;
      const w = ev.weight * rarityWeight(table.accounts[v], config.rarity.exponent);
      for (let x = 0; x < touched.length; x++) {
        for (let y = x + 1; y < touched.length; y++) {
          const link = entry(touched[x], touched[y]);
          link.weight += w;
          link.values++;
          link.mask |= bit;
        }
      }
    }
  }
  return [...acc.entries()]
    .map(([pair, l]) => ({
      source: clusters[Math.floor(pair / n)].id,
      target: clusters[pair % n].id,
      weight: round(l.weight),
      edges: l.edges,
      shared_values: l.values,
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

/** The overview's ForceAtlas2 input: one node per cluster, in rank order (itself a function of the input only), and the links. */
export function overviewGraph(clusters: Cluster[], links: OverviewLink[], seed: number): ForceGraph {
  const position = new Map(clusters.map((c, i) => [c.id, i]));
  return {
    nodes: clusters.length,
    source: Int32Array.from(links, (l) => position.get(l.source)!),
    target: Int32Array.from(links, (l) => position.get(l.target)!),
    weight: Float64Array.from(links, (l) => l.weight),
    seed,
  };
}

/** overview.json, its clusters at 0, 0 until placed at overviewGraph's layout (placeAt). */
export function overviewFile(
  data: Dataset,
  linked: Linked,
  clusters: Cluster[],
  links: OverviewLink[],
  seed: number,
  config: Config,
): OverviewFile {
  const privacy = config.templates.privacy;
  const nodes = clusters.map((c, i) => ({
    id: c.id,
    rank: c.rank,
    risk: c.risk,
    keys: c.size,
    accounts: c.accounts.length,
    requests: Number(c.features.requests ?? 0),
    first_reason: c.reasons[0] ?? null,
    x: 0,
    y: 0,
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
