/**
 * mineTemplates with the per-text passes on worker threads: document
 * frequency, skeletons and candidate frames (passes.ts), the work that grows
 * with the prompts' text and dominates the time. Grouping, frames, support
 * and paraphrases stay on the calling thread (mine-stages.ts).
 *
 * The result is byte-identical to mineTemplates for any number of workers:
 *   - each pass's result per text depends on that text and on tables fixed
 *     before the pass, and texts are split into contiguous ranges whose
 *     results are put back in range order (skeleton entries are appended in
 *     the order the in-thread driver stores them);
 *   - document frequencies are counted by partition of the hash, each count a
 *     sum of the same integers (passes.ts);
 *   - work counters are sums.
 * The distinct prompts go to the workers once, packed in shared memory
 * (packed-texts.ts); the frequency tables are shared, not copied. Below
 * minPromptsPerWorker prompts per worker the in-thread driver runs instead:
 * starting a worker costs more than it saves on small samples.
 */
import { copyRepeats, dfDocuments, distinctTexts, framesOf, prepare, settle, skeletonParams, skeletonTexts, CANDIDATES } from './mine-stages.ts';
import { mineTemplates } from './mine.ts';
import type { MinerOptions } from './options.ts';
import { packTexts } from './packed-texts.ts';
import type { MatchStats } from './assign.ts';
import { SkeletonStore } from './skeleton-store.ts';
import type { MinedTemplates, MinerStats, PromptSample } from './types.ts';
import { WorkerPool } from './worker-pool.ts';

export interface ParallelOptions {
  /** Worker threads; 1 mines on the calling thread. */
  workers: number;
  /**
   * Fewest prompts per worker worth a thread; fewer workers are used below it.
   * @default 5000
   */
  minPromptsPerWorker?: number;
}

interface StoreEntries {
  data: Uint32Array;
  lengths: Int32Array;
}

export async function mineTemplatesParallel(
  samples: Iterable<PromptSample>,
  options: Partial<MinerOptions>,
  parallel: ParallelOptions,
  stats?: Partial<MinerStats>,
): Promise<MinedTemplates> {
  const rows = Array.isArray(samples) ? (samples as PromptSample[]) : [...samples];
  const workers = Math.min(parallel.workers, Math.floor(rows.length / (parallel.minPromptsPerWorker ?? 5000)));
  if (workers <= 1) return mineTemplates(rows, options, stats);
  const p = prepare(rows, options);
  const pool = new WorkerPool(new URL('./mine-worker.ts', import.meta.url), workers);
  try {
    return await mineOn(pool, p, stats);
  } finally {
    await pool.close();
  }
}

async function mineOn(pool: WorkerPool, p: ReturnType<typeof prepare>, stats?: Partial<MinerStats>): Promise<MinedTemplates> {
  const { rows, o } = p;
  const k = o.shingleSize;
  const w = pool.size;
  const all = (calls: (q: number) => Promise<unknown>) => Promise.all(Array.from({ length: w }, (_, q) => calls(q)));

  // The distinct texts, packed once in shared memory; a pass names them by their packed index.
  const distinct = distinctTexts(p);
  const packedOf = new Int32Array(p.n);
  distinct.forEach((i, j) => (packedOf[i] = j));
  const packed = packTexts(Array.from(distinct, (i) => rows[i]!.prompt));
  await all((q) => pool.call(q, 'texts', packed));
  /** Worker q's range of `rows` (row indices), as packed indices. */
  const range = (ids: Int32Array, q: number) => {
    const [a, b] = bounds(ids.length, w, q);
    return Int32Array.from(ids.subarray(a, b), (i) => packedOf[i]!);
  };

  // 2. Document frequency: each worker shingles its range into one stream per partition,
  // then worker q counts partition q from every range into its table.
  const docs = dfDocuments(p);
  const streams = (await all((q) => {
    const [a, b] = bounds(docs.texts.length, w, q);
    return pool.call(q, 'partition', { texts: range(docs.texts, q), times: docs.times.slice(a, b), k, parts: w });
  })) as Uint32Array[][];
  const tables = (await all((q) => {
    const mine = streams.map((s) => s[q]!);
    return pool.call(q, 'count', { streams: mine }, mine.map((s) => s.buffer as ArrayBuffer));
  })) as Uint32Array[];

  // 3. Skeletons, appended in range order: the same entries as in one thread.
  const texts = skeletonTexts(p);
  const params = skeletonParams(p);
  const parts = (await all((q) => pool.call(q, 'skeletons', { tables, texts: range(texts, q), params }))) as Array<{
    skeletons: StoreEntries;
    backoffs: StoreEntries;
    backoff: Int32Array;
  }>;
  const skeletons = new SkeletonStore();
  const backoffs = new SkeletonStore();
  const backoff = new Int32Array(texts.length);
  let j = 0;
  for (const part of parts) {
    appendEntries(skeletons, part.skeletons);
    const bo = appendEntries(backoffs, part.backoffs);
    for (const b of part.backoff) backoff[j++] = b < 0 ? -1 : bo + b;
  }

  // 4–5. Candidate clusters and frames, on this thread.
  const framed = framesOf(p, { texts, skeletons, backoffs, backoff });

  // 6. Candidate frames per distinct text, by range.
  const frames = framed.list.map((f) => f.shingles);
  await all((q) => pool.call(q, 'frames', { frames, minContainment: o.minContainment, maxCandidates: o.maxCandidates }));
  const found = (await all((q) => pool.call(q, 'match', { texts: range(distinct, q), k }))) as Array<{ cand: Int32Array; stats: MatchStats }>;
  const cand = new Int32Array(p.n * CANDIDATES);
  j = 0;
  for (const part of found) {
    for (let r = 0; r < part.cand.length / CANDIDATES; r++, j++) cand.set(part.cand.subarray(r * CANDIDATES, (r + 1) * CANDIDATES), distinct[j]! * CANDIDATES);
    p.work.postings += part.stats.postings;
    p.work.candidates += part.stats.candidates;
    p.work.probes += part.stats.probes;
    p.work.capped += part.stats.capped;
  }
  copyRepeats(p, cand);

  // 7. Support, paraphrases, templates.
  return settle(p, framed, cand, stats);
}

/** Worker q's share [a, b) of n items split into w contiguous ranges. */
function bounds(n: number, w: number, q: number): [number, number] {
  return [Math.floor((n * q) / w), Math.floor((n * (q + 1)) / w)];
}

/** Appends a worker's store entries in order; returns the index of the first. */
function appendEntries(store: SkeletonStore, e: StoreEntries): number {
  const first = store.size;
  let at = 0;
  for (const len of e.lengths) {
    store.addUnsorted(e.data.subarray(at, at + len), len);
    at += len;
  }
  return first;
}
