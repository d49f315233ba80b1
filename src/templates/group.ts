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
  // 1. Exact groups, keyed by a 53-bit hash of the sorted set: groups numbered in order of first
  // appearance, in an open-addressing table over typed arrays (a Map of a million 53-bit keys
  // boxes every key), and each store entry keyed once however many prompts share it.
  const data = store.data;
  const groupOfEntry = new Int32Array(store.size).fill(-1);
  let cap = 1024;
  while (cap < 2 * Math.min(of.length, store.size)) cap *= 2;
  const mask = cap - 1;
  const tableHi = new Uint32Array(cap);
  /** Low 21 bits of the key + 1; 0 marks an empty cell. */
  const tableLo = new Int32Array(cap);
  const tableGroup = new Int32Array(cap);
  const keys: number[] = [];
  const sets: number[] = [];
  const groupOf = new Int32Array(of.length).fill(-1);
  for (let i = 0; i < of.length; i++) {
    const e = of[i]!;
    if (e < 0) continue;
    let g = groupOfEntry[e]!;
    if (g < 0) {
      const from = store.start(e);
      const to = store.end(e);
      if (to === from) continue;
      const key = skeletonKey(data, from, to);
      g = groupOfKey(key, keys.length);
      if (g === keys.length) {
        keys.push(key);
        sets.push(e);
      }
      groupOfEntry[e] = g;
    }
    groupOf[i] = g;
  }
  /** The group of a key, `fresh` (inserted) when it has none. */
  function groupOfKey(key: number, fresh: number): number {
    const hi = Math.floor(key / 2097152) >>> 0;
    const lo = (key % 2097152) + 1;
    let c = (hi ^ lo) & mask;
    for (;;) {
      if (tableLo[c] === 0) {
        tableHi[c] = hi;
        tableLo[c] = lo;
        tableGroup[c] = fresh;
        return fresh;
      }
      if (tableHi[c] === hi && tableLo[c] === lo) return tableGroup[c]!;
      c = (c + 1) & mask;
    }
  }
  // Keys are distinct, so sorting them alone gives the order; each key then finds its group.
  const sortedKeys = Float64Array.from(keys).sort();
  const order = new Int32Array(keys.length);
  for (let r = 0; r < order.length; r++) order[r] = groupOfKey(sortedKeys[r]!, -1);
  const rank = new Int32Array(keys.length);
  order.forEach((g, r) => (rank[g] = r));

  // 2. LSH over distinct skeletons, in sorted order; a bucket keeps two representatives.
  // Band keys are computed once; buckets are filled band by band, so the table holds one band
  // (the representatives of a bucket are the first two skeletons in sorted order either way, and
  // union-find components do not depend on the order of the comparisons). The skeletons are
  // copied in sorted order into one array first, so a comparison reads its pair without going
  // through the group and store offsets (each a cache miss at a million skeletons).
  const n = order.length;
  const off = new Int32Array(n + 1);
  for (let r = 0; r < n; r++) off[r + 1] = off[r]! + store.length(sets[order[r]!]!);
  const flat = new Uint32Array(off[n]!);
  for (let r = 0; r < n; r++) {
    const e = sets[order[r]!]!;
    flat.set(data.subarray(store.start(e), store.end(e)), off[r]!);
  }
  const rows = p.rows;
  const bands = p.bands;
  const sig = new Uint32Array(bands * rows);
  const salt = mix32(p.seed, 0x51ed270b);
  const bandKeys = new Uint32Array(n * bands);
  const filled = new Uint8Array(sig.length);
  for (let r = 0; r < n; r++) {
    oneMinHash(flat, off[r]!, off[r + 1]!, salt, sig, filled);
    for (let band = 0; band < bands; band++) {
      let bk = mix32(0x2545f491, band);
      for (let j = band * rows; j < (band + 1) * rows; j++) bk = mix32(bk, sig[j]!);
      bandKeys[r * bands + band] = bk;
    }
  }
  const uf = new UnionFind(n);
  let comparisons = 0;
  // Buckets: open addressing over interleaved [key, first, second] cells (key 0 is stored as 1, empty cells have key 0).
  let buckets = 1024;
  while (buckets < n * 2) buckets *= 2;
  const bucketMask = buckets - 1;
  const cells = new Int32Array(buckets * 3);
  for (let band = 0; band < bands; band++) {
    if (band > 0) cells.fill(0);
    for (let r = 0; r < n; r++) {
      const k = bandKeys[r * bands + band]! || 1;
      let c = k & bucketMask;
      while (cells[3 * c] !== 0 && cells[3 * c]! >>> 0 !== k) c = (c + 1) & bucketMask;
      const at = 3 * c;
      if (cells[at] === 0) {
        cells[at] = k;
        cells[at + 1] = r;
        cells[at + 2] = -1;
        continue;
      }
      const first = cells[at + 1]!;
      const second = cells[at + 2]!;
      if (uf.find(first) !== uf.find(r)) {
        comparisons++;
        if (similarIn(flat, off[first]!, off[first + 1]!, off[r]!, off[r + 1]!, p)) uf.union(first, r);
      }
      if (second < 0) cells[at + 2] = r;
      else if (uf.find(second) !== uf.find(r)) {
        comparisons++;
        if (similarIn(flat, off[second]!, off[second + 1]!, off[r]!, off[r + 1]!, p)) uf.union(second, r);
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
  // Fewest common elements that pass the Jaccard test below (the same expression, which grows
  // with common): the merge stops once the rest cannot bring common up to it.
  const m = p.minSimilarity;
  const most = Math.min(na, nb);
  let need = Math.ceil((m * (na + nb)) / (1 + m));
  while (need > 0 && (need - 1) / (na + nb - (need - 1)) >= m) need--;
  while (need <= most && need / (na + nb - need) < m) need++;
  if (need > most) return false;
  let i = a0;
  let j = b0;
  let common = 0;
  while (i < a1 && j < b1) {
    const x = d[i]!;
    const y = d[j]!;
    if (x === y) {
      common++;
      i++;
      j++;
      continue;
    }
    if (x < y) i++;
    else j++;
    if (common + Math.min(a1 - i, b1 - j) < need) return false;
  }
  const onlyA = na - common;
  const onlyB = nb - common;
  if (common / (common + onlyA + onlyB) < p.minSimilarity) return false;
  const nested = Math.min(onlyA, onlyB) <= 1 && Math.max(onlyA, onlyB) >= 2;
  return !nested;
}
