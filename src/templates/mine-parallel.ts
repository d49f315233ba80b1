/**
 * mineTemplates with the per-text passes on several threads: document
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
 * The calling thread is one of the lanes (lane 0) and works while the worker
 * threads do, so `workers` = 2 starts one thread. The distinct prompts go to
 * the workers once, packed in shared memory (packed-texts.ts); the frequency
 * tables are shared, not copied. Below minPromptsPerWorker prompts per lane
 * the in-thread driver runs instead: starting a worker costs more than it
 * saves on small samples.
 */
import type { MatchStats } from './assign.ts';
import { copyRepeats, dfDocuments, distinctTexts, framesOf, prepare, settle, skeletonParams, skeletonTexts, CANDIDATES, type Prepared } from './mine-stages.ts';
import { mineTemplates } from './mine.ts';
import { minerOps, type MinerOps, type SkeletonsReply, type StoreEntries } from './miner-ops.ts';
import type { MinerOptions } from './options.ts';
import { packTexts } from './packed-texts.ts';
import { SkeletonStore } from './skeleton-store.ts';
import type { MinedTemplates, MinerStats, PromptSample } from './types.ts';
import { WorkerPool } from './worker-pool.ts';

export interface ParallelOptions {
  /** Threads, the calling one included; 1 mines on the calling thread alone. */
  workers: number;
  /**
   * Fewest prompts per thread worth it; fewer threads are used below it.
   * @default 5000
   */
  minPromptsPerWorker?: number;
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
  // The workers boot (loading TypeScript) while this thread prepares the rows.
  const pool = new WorkerPool(new URL('./mine-worker.ts', import.meta.url), workers - 1);
  try {
    const p = prepare(rows, options);
    const distinct = distinctTexts(p);
    const lanes = new Lanes(pool, minerOps((j) => rows[distinct[j]!]!.prompt));
    return await mineOn(lanes, p, distinct, stats);
  } finally {
    await pool.close();
  }
}

/** Lane 0 is the calling thread, lanes 1… the pool's workers. */
class Lanes {
  constructor(
    private readonly pool: WorkerPool,
    private readonly local: MinerOps,
  ) {}

  get size(): number {
    return 1 + this.pool.size;
  }

  /** Runs op on lane q. Lane 0 runs once the caller's synchronous code is done, so the calls to the workers are all sent first. */
  call<T>(q: number, op: keyof MinerOps, payload: unknown, transfer: ArrayBuffer[] = []): Promise<T> {
    if (q > 0) return this.pool.call<T>(q - 1, op, payload, transfer);
    return Promise.resolve().then(() => (this.local[op] as (x: unknown) => { result: unknown })(payload).result as T);
  }
}

async function mineOn(lanes: Lanes, p: Prepared, distinct: Int32Array, stats?: Partial<MinerStats>): Promise<MinedTemplates> {
  const { rows, o } = p;
  const k = o.shingleSize;
  const w = lanes.size;
  const all = <T>(calls: (q: number) => Promise<T>) => Promise.all(Array.from({ length: w }, (_, q) => calls(q)));

  // The distinct texts, packed once in shared memory for the workers; a pass names them by their index in `distinct`.
  const packedOf = new Int32Array(p.n);
  distinct.forEach((i, j) => (packedOf[i] = j));
  const packed = packTexts(Array.from(distinct, (i) => rows[i]!.prompt));
  await all((q) => (q === 0 ? Promise.resolve() : lanes.call(q, 'texts', packed)));
  /** Lane q's range of `ids` (row indices), as indices into `distinct`. */
  const range = (ids: Int32Array, q: number) => {
    const [a, b] = bounds(ids.length, w, q);
    return Int32Array.from(ids.subarray(a, b), (i) => packedOf[i]!);
  };

  // 2. Document frequency: each lane shingles its range into one stream per partition,
  // then lane q counts partition q from every range into its table.
  const docs = dfDocuments(p);
  const streams = await all((q) => {
    const [a, b] = bounds(docs.texts.length, w, q);
    return lanes.call<Uint32Array[]>(q, 'partition', { texts: range(docs.texts, q), times: docs.times.slice(a, b), k, parts: w });
  });
  const tables = await all((q) => {
    const mine = streams.map((s) => s[q]!);
    return lanes.call<Uint32Array>(q, 'count', { streams: mine }, q === 0 ? [] : mine.map((s) => s.buffer as ArrayBuffer));
  });

  // 3. Skeletons, appended in range order: the same entries as in one thread.
  const texts = skeletonTexts(p);
  const params = skeletonParams(p);
  const parts = await all((q) => lanes.call<SkeletonsReply>(q, 'skeletons', { tables, texts: range(texts, q), params }));
  const skeletons = new SkeletonStore();
  const backoffs = new SkeletonStore();
  const backoff = new Int32Array(texts.length);
  let j = 0;
  for (const part of parts) {
    appendEntries(skeletons, part.skeletons);
    const first = appendEntries(backoffs, part.backoffs);
    for (const b of part.backoff) backoff[j++] = b < 0 ? -1 : first + b;
  }

  // 4–5. Candidate clusters and frames, on this thread.
  const framed = framesOf(p, { texts, skeletons, backoffs, backoff });

  // 6. Candidate frames per distinct text, by range.
  const frames = framed.list.map((f) => f.shingles);
  await all((q) => lanes.call(q, 'frames', { frames, minContainment: o.minContainment, maxCandidates: o.maxCandidates }));
  const found = await all((q) => lanes.call<{ cand: Int32Array; stats: MatchStats }>(q, 'match', { texts: range(distinct, q), k }));
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

/** Lane q's share [a, b) of n items split into w contiguous ranges. */
function bounds(n: number, w: number, q: number): [number, number] {
  return [Math.floor((n * q) / w), Math.floor((n * (q + 1)) / w)];
}

/** Appends a lane's store entries in order; returns the index of the first. */
function appendEntries(store: SkeletonStore, e: StoreEntries): number {
  return store.addEntries(e.data, e.lengths);
}
