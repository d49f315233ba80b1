/**
 * Tracking across runs: this run's clusters are matched one-to-one to the
 * previous run's by member overlap (Jaccard of the key sets), best pairs
 * first, ties broken by the larger overlap, then the previous id, then the
 * current cluster's own id; a pair needs Jaccard ≥ threshold. A matched
 * cluster keeps the previous id. An unmatched cluster keeps its own id
 * (c_ + SHA-256 of its smallest key) unless a previous or already assigned
 * cluster holds it, in which case it takes the id of its next smallest key
 * that is free, so ids stay unique and a gone cluster's id is never reused.
 *
 * Merges and splits are read off the same overlaps: a previous cluster
 * contributes to a current one when ≥ share of its keys are there.
 */
import { z } from 'zod';
import { clusterId } from '../score/index.ts';
import { compareStrings } from '../util/compare.ts';
import { roundTo } from '../util/stats.ts';
import type { ChangesFile, ClusterChange } from './schema.ts';

export * from './schema.ts';
export { loadPrevious, type PreviousRun } from './load-previous.ts';

export const DEFAULTS = Object.freeze({ threshold: 0.5, share: 0.25 });

export const TrackOptionsSchema = z
  .object({
    /** @default 0.5 */
    threshold: z.number().gt(0).max(1).default(DEFAULTS.threshold).describe('least Jaccard overlap for a cluster to keep a previous id'),
    /** @default 0.25 */
    share: z.number().gt(0).max(1).default(DEFAULTS.share).describe('share of a previous cluster’s keys that makes it part of a merge or split'),
  })
  .strict();
export type TrackOptions = z.infer<typeof TrackOptionsSchema>;

export interface TrackedCluster {
  id: string;
  members: readonly string[];
}

export interface TrackResult {
  /** New id per current cluster, aligned with the input. */
  ids: string[];
  changes: ClusterChange[];
  file: ChangesFile;
}

export function trackClusters(
  current: readonly TrackedCluster[],
  previous: readonly TrackedCluster[],
  previousDir: string,
  opts: Partial<TrackOptions> = {},
): TrackResult {
  const o = TrackOptionsSchema.parse(opts);
  const prevOf = new Map<string, number>();
  previous.forEach((p, j) => p.members.forEach((k) => prevOf.set(k, j)));
  // overlap[i]: previous index → shared keys.
  const overlap = current.map((c) => {
    const m = new Map<number, number>();
    for (const k of c.members) {
      const j = prevOf.get(k);
      if (j !== undefined) m.set(j, (m.get(j) ?? 0) + 1);
    }
    return m;
  });
  const pairs: Array<{ i: number; j: number; shared: number; jaccard: number }> = [];
  overlap.forEach((m, i) =>
    m.forEach((shared, j) => {
      const jaccard = shared / (current[i].members.length + previous[j].members.length - shared);
      if (jaccard >= o.threshold) pairs.push({ i, j, shared, jaccard });
    }),
  );
  pairs.sort(
    (a, b) =>
      b.jaccard - a.jaccard ||
      b.shared - a.shared ||
      compareStrings(previous[a.j].id, previous[b.j].id) ||
      compareStrings(current[a.i].id, current[b.i].id),
  );
  const matchOf = new Int32Array(current.length).fill(-1);
  const taken = new Uint8Array(previous.length);
  for (const p of pairs) {
    if (matchOf[p.i] >= 0 || taken[p.j] === 1) continue;
    matchOf[p.i] = p.j;
    taken[p.j] = 1;
  }

  const reserved = new Set(previous.map((p) => p.id));
  const ids = current.map((_, i) => (matchOf[i] >= 0 ? previous[matchOf[i]].id : ''));
  const unmatched = current.map((_, i) => i).filter((i) => matchOf[i] < 0);
  unmatched.sort((a, b) => compareStrings(current[a].id, current[b].id));
  for (const i of unmatched) {
    const sorted = [...current[i].members].sort(compareStrings);
    let id = current[i].id;
    for (let n = 0; reserved.has(id); n++) id = n + 1 < sorted.length ? clusterId(sorted[n + 1]) : clusterId(`${sorted[0]}#${n}`);
    ids[i] = id;
    reserved.add(id);
  }

  const changes: ClusterChange[] = [];
  const grown: ChangesFile['grown'] = [];
  const shrunk: ChangesFile['shrunk'] = [];
  let unchanged = 0;
  current.forEach((c, i) => {
    const j = matchOf[i];
    if (j < 0) {
      changes.push({ status: 'new', previous: null, added: c.members.length, removed: 0, jaccard: 0 });
      return;
    }
    const before = new Set(previous[j].members);
    const now = new Set(c.members);
    const added = c.members.filter((k) => !before.has(k)).sort(compareStrings);
    const removed = previous[j].members.filter((k) => !now.has(k)).sort(compareStrings);
    const shared = c.members.length - added.length;
    changes.push({
      status: 'continued',
      previous: previous[j].id,
      added: added.length,
      removed: removed.length,
      jaccard: roundTo(shared / (c.members.length + removed.length), 6),
    });
    if (added.length > 0) grown.push({ id: ids[i], added });
    if (removed.length > 0) shrunk.push({ id: ids[i], removed });
    if (added.length === 0 && removed.length === 0) unchanged++;
  });

  // Contributions: previous j → current i when ≥ share of j's keys are in i.
  const into = previous.map(() => [] as number[]);
  const from = current.map(() => [] as number[]);
  overlap.forEach((m, i) =>
    m.forEach((shared, j) => {
      if (shared >= o.share * previous[j].members.length) {
        into[j].push(i);
        from[i].push(j);
      }
    }),
  );
  const byId = (list: string[]) => list.sort(compareStrings);
  const merged = current
    .map((_, i) => ({ id: ids[i], from: byId(from[i].map((j) => previous[j].id)) }))
    .filter((m) => m.from.length >= 2);
  const split = previous
    .map((p, j) => ({ previous: p.id, into: byId(into[j].map((i) => ids[i])) }))
    .filter((s) => s.into.length >= 2);
  const now = new Map<string, number>();
  current.forEach((c, i) => c.members.forEach((k) => now.set(k, i)));
  const gone = previous
    .filter((_, j) => taken[j] === 0)
    .map((p) => ({
      id: p.id,
      size: p.members.length,
      now_in: byId([...new Set(p.members.map((k) => now.get(k)).filter((i) => i !== undefined).map((i) => ids[i!]))]),
    }));
  const newOnes = current.map((c, i) => ({ id: ids[i], size: c.members.length, i })).filter((x) => matchOf[x.i] < 0);

  const sortById = <T extends { id: string }>(xs: T[]) => xs.sort((a, b) => compareStrings(a.id, b.id));
  const file: ChangesFile = {
    version: 1,
    previous: { dir: previousDir, clusters: previous.length },
    threshold: o.threshold,
    counts: {
      clusters: current.length,
      continued: current.length - newOnes.length,
      unchanged,
      new: newOnes.length,
      grown: grown.length,
      shrunk: shrunk.length,
      merged: merged.length,
      split: split.length,
      gone: gone.length,
    },
    new: sortById(newOnes.map(({ id, size }) => ({ id, size }))),
    grown: sortById(grown),
    shrunk: sortById(shrunk),
    merged: sortById(merged),
    split: split.sort((a, b) => compareStrings(a.previous, b.previous)),
    gone: sortById(gone),
  };
  return { ids, changes, file };
}
