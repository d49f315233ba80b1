/**
 * Candidate clusters of prompts from their skeletons. Prompts with the same
 * skeleton form one group (exact key); distinct skeletons, taken in sorted key
 * order (of a 53-bit set hash) so the result never depends on input order, are compared by
 * one-permutation MinHash (Broder 1997; Li et al. 2012) with banded LSH (Indyk & Motwani 1998; b bands of r rows,
 * threshold ≈ (1/b)^(1/r)), each bucket holding two representatives. A
 * candidate pair is verified on the exact sets and merged by union-find when
 *   - Jaccard ≥ minSimilarity (framings differing in a word or "1." vs "1)"),
 *   - and the pair is not nested: one skeleton inside the other (but for at
 *     most one shingle) while the other adds two or more. Skeleton shingles
 *     are token-anchored, so two are a word or more: "You are a helpful
 *     assistant. <*>" and "You are a helpful assistant. Translate to French:
 *     <*>" stay apart however long the shared part. Variants that both recur
 *     differ on both sides and merge; a rare variant (its changed word not
 *     frequent, so its skeleton a subset) stays apart here and joins the main
 *     wording at assignment, by containment.
 */
import { mix32 as mix32Import } from '../util/hash.ts';
import { U32Table } from './hash-table.ts';
import type { SkeletonStore } from './skeleton-store.ts';
import { UnionFind } from './union-find.ts';

export interface GroupParams {
  bands: number;
  rows: number;
  minSimilarity: number;
  seed: number;
}

const mix32 = mix32Import; // read the import binding once, not per call

/**
 * Cluster id per prompt (−1 for an empty skeleton), ids dense from 0 in
 * sorted-skeleton order; prompt i's skeleton is entry of[i] of the store (−1: none).
 */
export function groupSkeletons(
  store: SkeletonStore,
  of: Int32Array,
  p: GroupParams,
  stats?: { comparisons: number },
): { cluster: Int32Array; clusters: number } {
  // 1. Exact groups, keyed by a 53-bit hash of the sorted set.
  const data = store.data;
  const byKey = new Map<number, number>();
  const keys: number[] = [];
  const sets: number[] = [];
  const groupOf = new Int32Array(of.length).fill(-1);
  of.forEach((e, i) => {
    if (e < 0 || store.length(e) === 0) return;
    const key = skeletonKey(data, store.start(e), store.end(e));
    let g = byKey.get(key);
    if (g === undefined) {
      g = keys.length;
      byKey.set(key, g);
      keys.push(key);
      sets.push(e);
    }
    groupOf[i] = g;
  });
  const order = Int32Array.from(keys.keys()).sort((a, b) => keys[a]! - keys[b]!);
  const rank = new Int32Array(keys.length);
  order.forEach((g, r) => (rank[g] = r));

  // 2. LSH over distinct skeletons, in sorted order; a bucket keeps two representatives (slots a, b).
  // Band keys are computed once; buckets are filled band by band, so the table holds one band
  // (the representatives of a bucket are the first two skeletons in sorted order either way, and
  // union-find components do not depend on the order of the comparisons).
  const rows = p.rows;
  const bands = p.bands;
  const sig = new Uint32Array(bands * rows);
  const salt = mix32(p.seed, 0x51ed270b);
  const bandKeys = new Uint32Array(order.length * bands);
  const filled = new Uint8Array(sig.length);
  for (let r = 0; r < order.length; r++) {
    const e = sets[order[r]!]!;
    oneMinHash(data, store.start(e), store.end(e), salt, sig, filled);
    for (let band = 0; band < bands; band++) {
      let bk = mix32(0x2545f491, band);
      for (let j = band * rows; j < (band + 1) * rows; j++) bk = mix32(bk, sig[j]!);
      bandKeys[r * bands + band] = bk;
    }
  }
  const uf = new UnionFind(order.length);
  let comparisons = 0;
  const tryMerge = (o: number, r: number) => {
    if (uf.find(o) === uf.find(r)) return;
    comparisons++;
    const a = sets[order[o]!]!;
    const b = sets[order[r]!]!;
    if (similarIn(data, store.start(a), store.end(a), store.start(b), store.end(b), p)) uf.union(o, r);
  };
  for (let band = 0; band < bands; band++) {
    const buckets = new U32Table(order.length);
    for (let r = 0; r < order.length; r++) {
      const slot = buckets.slot(bandKeys[r * bands + band]!, -1);
      const first = buckets.a[slot]!;
      const second = buckets.b[slot]!;
      if (first < 0) buckets.a[slot] = r;
      else {
        tryMerge(first, r);
        if (second < 0) buckets.b[slot] = r;
        else tryMerge(second, r);
      }
    }
  }

  if (stats) stats.comparisons += comparisons;

  // 3. Dense cluster ids by first (smallest) rank.
  const clusterOfRank = new Int32Array(order.length).fill(-1);
  let clusters = 0;
  for (let r = 0; r < order.length; r++) {
    const root = uf.find(r);
    if (clusterOfRank[root] === -1) clusterOfRank[root] = clusters++;
    clusterOfRank[r] = clusterOfRank[root]!;
  }
  const cluster = new Int32Array(of.length).fill(-1);
  for (let i = 0; i < of.length; i++) if (groupOf[i]! >= 0) cluster[i] = clusterOfRank[rank[groupOf[i]!]!]!;
  return { cluster, clusters };
}

/**
 * One-permutation MinHash (Li, Owen & Zhang 2012): one hash per element, the
 * element's bin chosen by that hash and the minimum kept per bin, with empty
 * bins filled from the next non-empty one (rotation densification,
 * Shrivastava & Li 2014). One operation per element instead of one per slot.
 */
function oneMinHash(set: Uint32Array, from: number, to: number, salt: number, sig: Uint32Array, filled: Uint8Array): void {
  const size = sig.length;
  sig.fill(0xffffffff);
  filled.fill(0);
  for (let i = from; i < to; i++) {
    const v = mix32(set[i]!, salt);
    const bin = v % size;
    const rest = (v / size) >>> 0;
    if (!filled[bin] || rest < sig[bin]!) (sig[bin] = rest), (filled[bin] = 1);
  }
  for (let j = 0; j < size; j++) {
    if (filled[j]) continue;
    for (let t = 1; t < size; t++) {
      const from = (j + t) % size;
      if (filled[from]) {
        sig[j] = mix32(sig[from]!, t);
        break;
      }
    }
  }
}

/** 53-bit key of a sorted set (two independent 32-bit hashes, the second cut to 21 bits). */
function skeletonKey(sk: Uint32Array, from: number, to: number): number {
  let h1 = 0x811c9dc5 ^ (to - from);
  let h2 = 0x1b873593;
  for (let i = from; i < to; i++) {
    h1 = mix32(h1, sk[i]!);
    h2 = Math.imul(h2 ^ sk[i]!, 0x01000193);
  }
  return h1 * 2097152 + ((h2 ^ (h2 >>> 11)) & 0x1fffff);
}

/** Jaccard ≥ minSimilarity and not nested (see the header). Both sets sorted. */
export function similar(a: Uint32Array, b: Uint32Array, p: GroupParams): boolean {
  const both = new Uint32Array(a.length + b.length);
  both.set(a);
  both.set(b, a.length);
  return similarIn(both, 0, a.length, a.length, both.length, p);
}

/** similar() on two sorted ranges of one array. */
function similarIn(d: Uint32Array, a0: number, a1: number, b0: number, b1: number, p: GroupParams): boolean {
  const na = a1 - a0;
  const nb = b1 - b0;
  // Jaccard ≤ smaller / larger: most pairs that collide in a band but differ in size stop here.
  if (Math.min(na, nb) < p.minSimilarity * Math.max(na, nb)) return false;
  let i = a0;
  let j = b0;
  let common = 0;
  while (i < a1 && j < b1) {
    if (d[i]! === d[j]!) {
      common++;
      i++;
      j++;
    } else if (d[i]! < d[j]!) i++;
    else j++;
  }
  const onlyA = na - common;
  const onlyB = nb - common;
  if (common / (common + onlyA + onlyB) < p.minSimilarity) return false;
  const nested = Math.min(onlyA, onlyB) <= 1 && Math.max(onlyA, onlyB) >= 2;
  return !nested;
}
