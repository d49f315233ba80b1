/**
 * The operations a lane of the parallel miner runs (mine-parallel.ts): the
 * per-text passes (passes.ts) over the ranges of texts it is given. A lane is
 * a worker thread (mine-worker.ts serves these) or the calling thread itself.
 * Texts are named by their index among the distinct texts, read from the
 * packed copy in shared memory on a worker, or straight from the rows on the
 * calling thread; the partitioned document-frequency tables are shared, so
 * no table or text is copied per call.
 */
import { FrameIndex, type MatchStats } from './assign.ts';
import { DfTable } from './df-table.ts';
import { textAt, type PackedTexts } from './packed-texts.ts';
import { countPartition, matchPass, PartitionedDf, partitionDocuments, skeletonPass } from './passes.ts';
import { Scratch } from './scratch.ts';
import type { SkeletonParams } from './skeleton.ts';
import { SkeletonStore } from './skeleton-store.ts';
import type { Reply } from './worker-pool.ts';

/** A store's entries as one data array and their lengths. */
export interface StoreEntries {
  data: Uint32Array;
  lengths: Int32Array;
}

export interface SkeletonsReply {
  skeletons: StoreEntries;
  backoffs: StoreEntries;
  /** Per text, its backoff entry in `backoffs`, or −1. */
  backoff: Int32Array;
}

export type MinerOps = ReturnType<typeof minerOps>;

/** The operations, with their own state; `text` reads distinct text i when given (the calling thread's lane). */
export function minerOps(text?: (i: number) => string) {
  let read = text ?? null;
  let index: FrameIndex | null = null;
  const s = new Scratch();
  const textOf = (ids: Int32Array) => {
    const r = read;
    if (!r) throw new Error('no texts loaded');
    return (j: number) => r(ids[j]!);
  };
  return {
    texts: (p: PackedTexts): Reply => {
      read = (i) => textAt(p, i);
      return { result: null };
    },
    partition: (p: { texts: Int32Array; times: Int32Array; k: number; parts: number }): Reply => {
      const streams = partitionDocuments(textOf(p.texts), p.times, p.k, s, p.parts);
      return { result: streams, transfer: streams.map((x) => x.buffer as ArrayBuffer) };
    },
    count: (p: { streams: Uint32Array[] }): Reply => ({ result: countPartition(p.streams).shared() }),
    skeletons: (p: { tables: Uint32Array[]; texts: Int32Array; params: SkeletonParams }): Reply => {
      const df = new PartitionedDf(p.tables.map((cells) => DfTable.over(cells)));
      const skeletons = new SkeletonStore();
      const backoffs = new SkeletonStore();
      const backoff = skeletonPass(textOf(p.texts), p.texts.length, df, p.params, s, skeletons, backoffs);
      const result: SkeletonsReply = { skeletons: entries(skeletons), backoffs: entries(backoffs), backoff };
      const arrays = [result.skeletons.data, result.skeletons.lengths, result.backoffs.data, result.backoffs.lengths, backoff];
      return { result, transfer: arrays.map((a) => a.buffer as ArrayBuffer) };
    },
    frames: (p: { frames: Uint32Array[]; minContainment: number; maxCandidates: number }): Reply => {
      index = new FrameIndex(p.frames, p.minContainment, p.maxCandidates);
      return { result: null };
    },
    match: (p: { texts: Int32Array; k: number }): Reply => {
      if (!index) throw new Error('no frames loaded');
      const stats: MatchStats = { postings: 0, candidates: 0, probes: 0, capped: 0 };
      const cand = matchPass(index, textOf(p.texts), p.texts.length, p.k, s, stats);
      return { result: { cand, stats }, transfer: [cand.buffer as ArrayBuffer] };
    },
  };
}

function entries(store: SkeletonStore): StoreEntries {
  const lengths = Int32Array.from({ length: store.size }, (_, e) => store.length(e));
  return { data: store.data.slice(0, store.size === 0 ? 0 : store.end(store.size - 1)), lengths };
}
