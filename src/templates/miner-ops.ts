/**
 * A worker thread of the template miner (mine-parallel.ts): runs the
 * per-text passes (passes.ts) over the ranges of prompts it is given. The
 * prompts arrive once, packed in shared memory; the partitioned
 * document-frequency tables are shared too, so no table or text is copied
 * per call.
 */
import { FrameIndex, type MatchStats } from './assign.ts';
import { DfTable } from './df-table.ts';
import { textAt, type PackedTexts } from './packed-texts.ts';
import { countPartition, matchPass, PartitionedDf, partitionDocuments, skeletonPass } from './passes.ts';
import { Scratch } from './scratch.ts';
import type { SkeletonParams } from './skeleton.ts';
import { SkeletonStore } from './skeleton-store.ts';
import { serve } from './worker-pool.ts';

let packed: PackedTexts | null = null;
let index: FrameIndex | null = null;
const s = new Scratch();

function textOf(ids: Int32Array): (j: number) => string {
  const p = packed;
  if (!p) throw new Error('no texts loaded');
  return (j) => textAt(p, ids[j]!);
}

/** A store's entries as one data array and their lengths. */
function entries(store: SkeletonStore): { data: Uint32Array; lengths: Int32Array } {
  const lengths = Int32Array.from({ length: store.size }, (_, e) => store.length(e));
  return { data: store.data.slice(0, store.size === 0 ? 0 : store.end(store.size - 1)), lengths };
}

serve({
  texts: (p: PackedTexts) => {
    packed = p;
    index = null;
    return { result: null };
  },
  partition: (p: { texts: Int32Array; times: Int32Array; k: number; parts: number }) => {
    const streams = partitionDocuments(textOf(p.texts), p.times, p.k, s, p.parts);
    return { result: streams, transfer: streams.map((x) => x.buffer as ArrayBuffer) };
  },
  count: (p: { streams: Uint32Array[] }) => ({ result: countPartition(p.streams).shared() }),
  skeletons: (p: { tables: Uint32Array[]; texts: Int32Array; params: SkeletonParams }) => {
    const df = new PartitionedDf(p.tables.map((cells) => DfTable.over(cells)));
    const skeletons = new SkeletonStore();
    const backoffs = new SkeletonStore();
    const backoff = skeletonPass(textOf(p.texts), p.texts.length, df, p.params, s, skeletons, backoffs);
    const sk = entries(skeletons);
    const bo = entries(backoffs);
    return { result: { skeletons: sk, backoffs: bo, backoff }, transfer: [sk.data, sk.lengths, bo.data, bo.lengths, backoff].map((a) => a.buffer as ArrayBuffer) };
  },
  frames: (p: { frames: Uint32Array[]; minContainment: number; maxCandidates: number }) => {
    index = new FrameIndex(p.frames, p.minContainment, p.maxCandidates);
    return { result: null };
  },
  match: (p: { texts: Int32Array; k: number }) => {
    if (!index) throw new Error('no frames loaded');
    const stats: MatchStats = { postings: 0, candidates: 0, probes: 0, capped: 0 };
    const cand = matchPass(index, textOf(p.texts), p.texts.length, p.k, s, stats);
    return { result: { cand, stats }, transfer: [cand.buffer as ArrayBuffer] };
  },
});
