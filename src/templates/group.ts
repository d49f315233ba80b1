/**
 * Candidate clusters of prompts from their skeletons. Prompts with the same
 * skeleton form one group (exact key); distinct skeletons, taken in sorted key
 * order so the result never depends on input order, are compared by MinHash
 * (Broder 1997) with banded LSH (Indyk & Motwani 1998; b bands of r rows,
 * threshold ≈ (1/b)^(1/r)), each bucket holding a few representatives. A
 * candidate pair is verified on the exact sets and merged by union-find when
 *   - Jaccard ≥ minSimilarity (framings differing in a word or "1." vs "1)"),
 *   - and the pair is not nested-distinct: one skeleton (almost) inside the
 *     other while the other adds more than 2k shingles, i.e. a whole phrase.
 *     "You are a helpful assistant. <*>" and "You are a helpful assistant.
 *     Translate to French: <*>" stay apart even when the shared part is long.
 */
import { mix32 } from '../util/hash.ts';
import { compareStrings } from '../util/compare.ts';
import { UnionFind } from './union-find.ts';

export interface GroupParams {
  bands: number;
  rows: number;
  minSimilarity: number;
  shingleSize: number;
  seed: number;
}

const REPS_PER_BUCKET = 4;

/** Cluster id per prompt (−1 for an empty skeleton), ids dense from 0 in sorted-skeleton order. */
export function groupSkeletons(skeletons: ReadonlyArray<Uint32Array>, p: GroupParams): { cluster: Int32Array; clusters: number } {
  // 1. Exact groups.
  const byKey = new Map<string, number>();
  const keys: string[] = [];
  const sets: Uint32Array[] = [];
  const groupOf = new Int32Array(skeletons.length).fill(-1);
  skeletons.forEach((sk, i) => {
    if (sk.length === 0) return;
    const key = skeletonKey(sk);
    let g = byKey.get(key);
    if (g === undefined) {
      g = keys.length;
      byKey.set(key, g);
      keys.push(key);
      sets.push(sk);
    }
    groupOf[i] = g;
  });
  const order = keys.map((_, g) => g).sort((a, b) => compareStrings(keys[a]!, keys[b]!));
  const rank = new Int32Array(keys.length);
  order.forEach((g, r) => (rank[g] = r));

  // 2. LSH over distinct skeletons, in sorted order.
  const rows = p.rows;
  const size = p.bands * rows;
  const seeds = new Uint32Array(size);
  for (let j = 0; j < size; j++) seeds[j] = mix32(p.seed, j + 1);
  const sig = new Uint32Array(size);
  const buckets = new Map<number, number[]>();
  const uf = new UnionFind(order.length);
  for (let r = 0; r < order.length; r++) {
    const set = sets[order[r]!]!;
    sig.fill(0xffffffff);
    for (let i = 0; i < set.length; i++) {
      const h = set[i]!;
      for (let j = 0; j < size; j++) {
        const v = mix32(h, seeds[j]!);
        if (v < sig[j]!) sig[j] = v;
      }
    }
    for (let band = 0; band < p.bands; band++) {
      let bk = mix32(0x2545f491, band);
      for (let j = band * rows; j < (band + 1) * rows; j++) bk = mix32(bk, sig[j]!);
      const reps = buckets.get(bk);
      if (reps === undefined) {
        buckets.set(bk, [r]);
        continue;
      }
      for (const o of reps) if (uf.find(o) !== uf.find(r) && similar(sets[order[o]!]!, set, p)) uf.union(o, r);
      if (reps.length < REPS_PER_BUCKET) reps.push(r);
    }
  }

  // 3. Dense cluster ids by first (smallest) rank.
  const clusterOfRank = new Int32Array(order.length).fill(-1);
  let clusters = 0;
  for (let r = 0; r < order.length; r++) {
    const root = uf.find(r);
    if (clusterOfRank[root] === -1) clusterOfRank[root] = clusters++;
    clusterOfRank[r] = clusterOfRank[root]!;
  }
  const cluster = new Int32Array(skeletons.length).fill(-1);
  for (let i = 0; i < skeletons.length; i++) if (groupOf[i]! >= 0) cluster[i] = clusterOfRank[rank[groupOf[i]!]!]!;
  return { cluster, clusters };
}

function skeletonKey(sk: Uint32Array): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x1b873593;
  for (let i = 0; i < sk.length; i++) {
    h1 = mix32(h1, sk[i]!);
    h2 = Math.imul(h2 ^ sk[i]!, 0x01000193);
  }
  return `${sk.length.toString(36)}.${h1.toString(36)}.${(h2 >>> 0).toString(36)}`;
}

/** Jaccard ≥ minSimilarity and not nested-distinct (see the header). Both sets sorted. */
export function similar(a: Uint32Array, b: Uint32Array, p: GroupParams): boolean {
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! === b[j]!) {
      common++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  const onlyA = a.length - common;
  const onlyB = b.length - common;
  if (common / (common + onlyA + onlyB) < p.minSimilarity) return false;
  const nested = Math.min(onlyA, onlyB) <= 2 && Math.max(onlyA, onlyB) > 2 * p.shingleSize;
  return !nested;
}
