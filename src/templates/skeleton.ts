/**
 * The skeleton of a prompt: the corpus-frequent parts of it that look like
 * framing. Every prompt of one template then has nearly the same skeleton
 * however long its filling, and skeletons, not whole texts, are what the
 * grouper compares (Jaccard over whole prompts sinks as fillings grow).
 *
 *   1. Document frequency (df) of each anchored shingle (one starting a
 *      token, shingles.ts) over the discovery sample.
 *   2. Runs of consecutive anchors with df ≥ dfMin (a token longer than 2k
 *      without anchors also ends a run).
 *   3. Runs are cut where df dips below cutRatio × the highest df within k
 *      characters on both sides: the shingles straddling "frame → filling"
 *      are only as frequent as that particular combination, so a filling that
 *      repeats elsewhere (a stock sentence after a popular frame) is cut off,
 *      while "helpful assistant. translate…" used together stays whole.
 *   4. Pieces shorter than minRun (Latin-character widths, CJK counting 3), or
 *      made of one shingle repeated, are dropped: common words and short phrases of fillings are frequent too,
 *      but scattered.
 *   5. A piece's support is its lowest df; pieces with support < keepRatio ×
 *      the prompt's best piece are dropped — text that recurs in fillings, far
 *      less often than the framing around it.
 */
import { unitWeight } from './normalise.ts';
import type { Scratch } from './scratch.ts';
import type { SkeletonStore } from './skeleton-store.ts';

/** Document frequency of a shingle hash (a DfTable, or one split by hash over threads). */
export interface DfLookup {
  get(key: number): number;
}

export interface SkeletonParams {
  shingleSize: number;
  dfMin: number;
  minRun: number;
  cutRatio: number;
  keepRatio: number;
}

/** Adds the sorted distinct skeleton hashes of the prompt loaded (anchored) in `s` to the store; returns the entry. */
export function skeletonOf(table: DfLookup, s: Scratch, p: SkeletonParams, pieces: number[], store: SkeletonStore): number {
  const { hashes, pos, codes, count, len } = s;
  const k = p.shingleSize;
  const df = s.ints;
  for (let i = 0; i < count; i++) df[i] = table.get(hashes[i]!);
  // pieces: flat [first, last (inclusive), support] triples of pieces long enough.
  pieces.length = 0;
  let best = 0;
  let start = -1;
  let support = 0;
  const close = (end: number) => {
    if (start < 0) return;
    let w = 0;
    const stop = Math.min(len, pos[end]! + k);
    for (let j = pos[start]!; j < stop && w < p.minRun; j++) w += unitWeight(codes[j]!);
    let varied = start === end; // one word repeated ("very very very") is not a framing
    for (let j = start + 1; j <= end && !varied; j++) varied = hashes[j] !== hashes[start];
    if (w >= p.minRun && varied) {
      pieces.push(start, end, support);
      if (support > best) best = support;
    }
    start = -1;
  };
  for (let i = 0; i < count; i++) {
    const d = df[i]!;
    const at = pos[i]!;
    let cut = d < p.dfMin;
    if (!cut) {
      let left = 0;
      let right = 0;
      for (let j = i - 1; j >= 0 && at - pos[j]! <= k; j--) if (df[j]! > left) left = df[j]!;
      for (let j = i + 1; j < count && pos[j]! - at <= k; j++) if (df[j]! > right) right = df[j]!;
      cut = d < p.cutRatio * Math.min(left, right);
    }
    if (cut) {
      close(i - 1);
      continue;
    }
    if (start >= 0 && at - pos[i - 1]! > 2 * k) close(i - 1); // a long token without anchors in between
    if (start < 0) {
      start = i;
      support = d;
    } else if (d < support) support = d;
  }
  close(count - 1);
  return collect(hashes, pieces, p.keepRatio * best, store);
}

/**
 * The backoff skeleton of the same prompt (call right after skeletonOf), added
 * to the store: only the pieces whose support is ≥ half the best piece's; −1
 * when that is the whole skeleton. A prompt whose skeleton finds too few like it is grouped
 * again on this, so "You are a helpful assistant. <stock sentence>" still
 * joins "You are a helpful assistant. <*>", while a specific template that
 * recurs keeps its own skeleton.
 */
export function backoffOf(hashes: Uint32Array, pieces: readonly number[], keepRatio: number, store: SkeletonStore): number {
  let best = 0;
  for (let q = 0; q < pieces.length; q += 3) if (pieces[q + 2]! > best) best = pieces[q + 2]!;
  let weaker = false;
  for (let q = 0; q < pieces.length; q += 3) {
    const sup = pieces[q + 2]!;
    if (sup >= keepRatio * best && sup < 0.5 * best) weaker = true;
  }
  return weaker ? collect(hashes, pieces, 0.5 * best, store) : -1;
}

/** Adds the sorted distinct hashes of the pieces with support ≥ min to the store. */
function collect(hashes: Uint32Array, pieces: readonly number[], min: number, store: SkeletonStore): number {
  let n = 0;
  for (let q = 0; q < pieces.length; q += 3) if (pieces[q + 2]! >= min) n += pieces[q + 1]! - pieces[q]! + 1;
  if (n > collected.length) collected = new Uint32Array(Math.max(n, collected.length * 2));
  n = 0;
  for (let q = 0; q < pieces.length; q += 3) {
    if (pieces[q + 2]! < min) continue;
    for (let i = pieces[q]!; i <= pieces[q + 1]!; i++) collected[n++] = hashes[i]!;
  }
  return store.addUnsorted(collected, n);
}

/** Scratch for collect. */
let collected = new Uint32Array(4096);
