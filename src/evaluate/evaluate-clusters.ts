/**
 * Scores clusters against planted groups. For each non-ordinary group, the
 * best-matching cluster is the one with the highest F1 of the group's keys
 * against the cluster's members (ties: better rank, then id). Pure.
 */
import type { Cluster, ClustersFile, Truth, TruthGroup } from '../output/schemas.ts';
import { compareStrings } from '../util/compare.ts';
import type { Evaluation, GroupScore } from './schema.ts';

export function evaluateClusters(clusters: ClustersFile, truth: Truth): Evaluation {
  const list = clusters.clusters;
  // key → indices of the clusters that hold it
  const where = new Map<string, number[]>();
  list.forEach((c, i) => {
    for (const m of new Set(c.members)) {
      const at = where.get(m);
      if (at) at.push(i);
      else where.set(m, [i]);
    }
  });
  const ordinary = new Set(truth.groups.filter((g) => g.kind === 'ordinary').flatMap((g) => g.keys));

  const groups: GroupScore[] = [];
  for (const kind of ['malicious', 'benign'] as const) {
    for (const g of truth.groups) if (g.kind === kind) groups.push(scoreGroup(g, kind, list, where, ordinary));
  }
  return {
    version: 1,
    seed: truth.seed,
    clusters: list.length,
    groups,
    maliciousAboveBenign: maliciousAboveBenign(groups),
  };
}

function scoreGroup(
  g: TruthGroup,
  kind: 'malicious' | 'benign',
  list: readonly Cluster[],
  where: Map<string, number[]>,
  ordinary: Set<string>,
): GroupScore {
  const keys = new Set(g.keys);
  const overlap = new Map<number, number>();
  for (const k of keys) for (const i of where.get(k) ?? []) overlap.set(i, (overlap.get(i) ?? 0) + 1);

  let best: { i: number; ov: number; p: number; r: number; f1: number } | null = null;
  for (const [i, ov] of overlap) {
    const size = new Set(list[i]!.members).size;
    const p = ov / size;
    const r = ov / keys.size;
    const f1 = (2 * p * r) / (p + r);
    if (best === null || f1 > best.f1 || (f1 === best.f1 && better(list[i]!, list[best.i]!))) {
      best = { i, ov, p, r, f1 };
    }
  }
  const base = { name: g.name, kind, keys: keys.size };
  if (best === null) {
    return { ...base, cluster: null, rank: null, risk: null, clusterSize: null, overlap: 0, precision: 0, recall: 0, f1: 0, ordinaryAbove: null };
  }
  const c = list[best.i]!;
  let ordinaryAbove: number | null = null;
  if (kind === 'malicious') {
    const seen = new Set<string>();
    for (const other of list) {
      if (other.rank > c.rank) continue;
      for (const m of other.members) if (ordinary.has(m)) seen.add(m);
    }
    ordinaryAbove = seen.size;
  }
  return {
    ...base,
    cluster: c.id,
    rank: c.rank,
    risk: c.risk,
    clusterSize: new Set(c.members).size,
    overlap: best.ov,
    precision: best.p,
    recall: best.r,
    f1: best.f1,
    ordinaryAbove,
  };
}

/** Lower rank number first, then id. */
function better(a: Cluster, b: Cluster): boolean {
  return a.rank !== b.rank ? a.rank < b.rank : compareStrings(a.id, b.id) < 0;
}

/** Every malicious best rank is smaller than every benign best rank (benign with no cluster: below all). */
function maliciousAboveBenign(groups: readonly GroupScore[]): boolean {
  let worstMalicious = 0;
  let bestBenign = Infinity;
  for (const g of groups) {
    if (g.kind === 'malicious') {
      if (g.rank === null) return false;
      worstMalicious = Math.max(worstMalicious, g.rank);
    } else if (g.rank !== null) {
      bestBenign = Math.min(bestBenign, g.rank);
    }
  }
  return worstMalicious < bestBenign;
}
