/**
 * The per-text passes of the miner: counting shingles, skeletons, candidate
 * frames. Each text's result depends on that text and on tables built before
 * the pass, never on the other texts of the pass, so the in-thread driver
 * (mine.ts) runs them over all texts and the worker driver (mine-parallel.ts)
 * over ranges of them, with the same results.
 *
 * Document frequency over threads is counted by partition: each thread
 * shingles its range and writes every document's anchored hashes, split by
 * the hash's top bits into one stream per partition ([length, times, hashes…]
 * per document); partition p's streams from every range are then counted by
 * one thread into its own DfTable, and a hash is looked up in the table of its
 * partition. A document counts a hash once (DfTable.addDocument removes
 * repeats), and a hash lives in one partition, so each count is the sum of the
 * same integers as the single table's: the counts are equal, whatever the
 * number of threads.
 */
import type { FrameIndex, MatchStats } from './assign.ts';
import { DfTable } from './df-table.ts';
import type { Scratch } from './scratch.ts';
import { backoffOf, skeletonOf, type DfLookup, type SkeletonParams } from './skeleton.ts';
import type { SkeletonStore } from './skeleton-store.ts';

/** Candidate frames kept per prompt, best first. */
export const CANDIDATES = 4;

/** Text j of a pass. */
export type TextOf = (j: number) => string;

/** Adds each text's anchored shingles to df, once per text, times[j] times. */
export function countDocuments(df: DfTable, textOf: TextOf, times: Int32Array, k: number, s: Scratch): void {
  for (let j = 0; j < times.length; j++) {
    s.load(textOf(j), k, false, true);
    df.addDocument(s.hashes, s.count, times[j]);
  }
}

/** The partition of a hash among `parts`, by its top bits (tables index by the low bits). */
export function partitionOf(hash: number, parts: number): number {
  return Math.floor(((hash >>> 0 || 1) / 4294967296) * parts);
}

/** countDocuments split by partition: per partition, a stream of [length, times, hashes…] per document. */
export function partitionDocuments(textOf: TextOf, times: Int32Array, k: number, s: Scratch, parts: number): Uint32Array[] {
  const streams = Array.from({ length: parts }, () => new U32Builder());
  const start = new Int32Array(parts);
  for (let j = 0; j < times.length; j++) {
    s.load(textOf(j), k, false, true);
    for (let q = 0; q < parts; q++) start[q] = streams[q]!.open(times[j]!);
    for (let i = 0; i < s.count; i++) streams[partitionOf(s.hashes[i]!, parts)]!.push(s.hashes[i]!);
    for (let q = 0; q < parts; q++) streams[q]!.close(start[q]!);
  }
  return streams.map((b) => b.done());
}

/** One partition's counts from its streams (any order: counts are sums). */
export function countPartition(streams: readonly Uint32Array[]): DfTable {
  const df = new DfTable();
  for (const st of streams) {
    for (let at = 0; at < st.length; ) {
      const len = st[at]!;
      if (len > 0) df.addDocument(st.subarray(at + 2, at + 2 + len), len, st[at + 1]!);
      at += 2 + len;
    }
  }
  return df;
}

/** Document frequency from per-partition tables. */
export class PartitionedDf implements DfLookup {
  constructor(private readonly tables: readonly DfTable[]) {}

  get(key: number): number {
    return this.tables[partitionOf(key, this.tables.length)]!.get(key);
  }
}

/** Appends each text's skeleton to `skeletons` (entry j for text j) and its backoff skeleton, if any, to `backoffs`; returns the backoff entry per text (−1: none). */
export function skeletonPass(textOf: TextOf, count: number, df: DfLookup, p: SkeletonParams, s: Scratch, skeletons: SkeletonStore, backoffs: SkeletonStore): Int32Array {
  const backoff = new Int32Array(count);
  const buf: number[] = [];
  for (let j = 0; j < count; j++) {
    skeletonOf(df, s.load(textOf(j), p.shingleSize, false, true), p, buf, skeletons);
    backoff[j] = backoffOf(s.hashes, buf, p.keepRatio, backoffs);
  }
  return backoff;
}

/** Candidate frames of each text, best first, into cand[j × CANDIDATES …] (−1 where fewer). */
export function matchPass(index: FrameIndex, textOf: TextOf, count: number, k: number, s: Scratch, stats: MatchStats): Int32Array {
  const cand = new Int32Array(count * CANDIDATES).fill(-1);
  const out = new Int32Array(CANDIDATES);
  for (let j = 0; j < count; j++) {
    const c = index.match(s.load(textOf(j), k), out, stats);
    for (let q = 0; q < c; q++) cand[j * CANDIDATES + q] = out[q]!;
  }
  return cand;
}

/** A growing Uint32Array of documents: open() writes a header, push() hashes, close() the length. */
class U32Builder {
  private data = new Uint32Array(1 << 12);
  private used = 0;

  open(times: number): number {
    this.reserve(2);
    const at = this.used;
    this.data[at + 1] = times;
    this.used += 2;
    return at;
  }

  push(v: number): void {
    this.reserve(1);
    this.data[this.used++] = v;
  }

  /** Ends the document opened at `at`; an empty one is taken back. */
  close(at: number): void {
    const len = this.used - at - 2;
    if (len === 0) this.used = at;
    else this.data[at] = len;
  }

  done(): Uint32Array {
    return this.data.slice(0, this.used);
  }

  private reserve(n: number): void {
    if (this.used + n <= this.data.length) return;
    const grown = new Uint32Array(Math.max(this.data.length * 2, this.used + n));
    grown.set(this.data.subarray(0, this.used));
    this.data = grown;
  }
}
