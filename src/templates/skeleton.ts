/**
 * The skeleton of a prompt: the corpus-frequent parts of it that look like
 * framing. Every prompt of one template then has nearly the same skeleton
 * however long its filling, and skeletons, not whole texts, are what the
 * grouper compares (Jaccard over whole prompts sinks as fillings grow).
 *
 *   1. Document frequency (df) of each shingle over the discovery sample.
 *   2. Runs of consecutive shingles with df ≥ dfMin.
 *   3. Runs are cut where df dips below cutRatio × the highest df within k
 *      shingles on both sides: the shingles straddling "frame → filling"
 *      are only as frequent as that particular combination, so a filling that
 *      repeats elsewhere (a stock sentence after a popular frame) is cut off,
 *      while "helpful assistant. translate…" used together stays whole.
 *   4. Pieces shorter than minRun (Latin-character widths, CJK counting 3) are
 *      dropped: common words and short phrases of fillings are frequent too,
 *      but scattered.
 *   5. A piece's support is its lowest df; pieces with support < keepRatio ×
 *      the prompt's best piece are dropped — text that recurs in fillings, far
 *      less often than the framing around it.
 */
import type { U32Table } from './hash-table.ts';
import { unitWeight } from './normalise.ts';
import type { Scratch } from './scratch.ts';

export interface SkeletonParams {
  shingleSize: number;
  dfMin: number;
  minRun: number;
  cutRatio: number;
  keepRatio: number;
}

/** Counts each distinct shingle of the loaded prompt once (slot a = df, b = last doc + 1). */
export function countDocument(table: U32Table, s: Scratch, doc: number): void {
  const hashes = s.hashes;
  const stamp = doc + 1;
  for (let i = 0; i < s.count; i++) {
    const slot = table.slot(hashes[i]!);
    if (table.b[slot] !== stamp) {
      table.b[slot] = stamp;
      table.a[slot]++;
    }
  }
}

/** Sorted distinct skeleton hashes of the prompt loaded in `s`. */
export function skeletonOf(table: U32Table, s: Scratch, p: SkeletonParams, pieces: number[]): Uint32Array {
  const { hashes, codes, count, len } = s;
  const k = p.shingleSize;
  const df = s.ints;
  for (let i = 0; i < count; i++) {
    const slot = table.find(hashes[i]!);
    df[i] = slot >= 0 ? table.a[slot]! : 0;
  }
  // pieces: flat [start, end (inclusive), support] triples of kept-length pieces.
  pieces.length = 0;
  let best = 0;
  let start = -1;
  let support = 0;
  const close = (end: number) => {
    if (start < 0) return;
    let w = 0;
    const stop = Math.min(len, end + k);
    for (let j = start; j < stop && w < p.minRun; j++) w += unitWeight(codes[j]!);
    if (w >= p.minRun) {
      pieces.push(start, end, support);
      if (support > best) best = support;
    }
    start = -1;
  };
  for (let i = 0; i < count; i++) {
    const d = df[i]!;
    let cut = d < p.dfMin;
    if (!cut) {
      let left = 0;
      let right = 0;
      for (let j = Math.max(0, i - k); j < i; j++) if (df[j]! > left) left = df[j]!;
      for (let j = i + 1; j <= Math.min(count - 1, i + k); j++) if (df[j]! > right) right = df[j]!;
      cut = d < p.cutRatio * Math.min(left, right);
    }
    if (cut) {
      close(i - 1);
      continue;
    }
    if (start < 0) {
      start = i;
      support = d;
    } else if (d < support) support = d;
  }
  close(count - 1);
  let n = 0;
  for (let q = 0; q < pieces.length; q += 3) if (pieces[q + 2]! >= p.keepRatio * best) n += pieces[q + 1]! - pieces[q]! + 1;
  const sk = new Uint32Array(n);
  n = 0;
  for (let q = 0; q < pieces.length; q += 3) {
    if (pieces[q + 2]! < p.keepRatio * best) continue;
    for (let i = pieces[q]!; i <= pieces[q + 1]!; i++) sk[n++] = hashes[i]!;
  }
  sk.sort();
  let m = 0;
  for (let i = 0; i < sk.length; i++) if (i === 0 || sk[i] !== sk[i - 1]) sk[m++] = sk[i]!;
  return sk.subarray(0, m);
}
