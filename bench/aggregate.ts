/**
 * Benchmark of ingest as the build does it, without the later stages: an
 * events file parsed, aggregated and prompt-sampled, then `finalize`. With
 * BENCH_WORKERS=1 (the default) all on this thread; with N > 1 on N worker
 * threads that aggregate what they parse, their parts merged here at the end.
 * Prints wall and CPU time, the time inside the aggregator and the sampler
 * (one thread) or collecting and merging the parts (workers), and the heap
 * and RSS after finalize: `node --import tsx bench/aggregate.ts events.jsonl`.
 * The key count drives memory and garbage collection here (a 2M-event slice
 * of the 50M-event workload holds 470k keys). Not a test.
 */
import { Aggregator } from '../src/aggregate/index.ts';
import { DEFAULT_CONFIG } from '../src/config/schema.ts';
import { mergeParts, readInput } from '../src/ingest/index.ts';
import { IngestPool } from '../src/ingest/pool.ts';
import type { EventRecord } from '../src/model.ts';
import { PromptStage } from '../src/prompts/index.ts';

const file = process.argv[2];
if (!file) {
  console.error('usage: node --import tsx bench/aggregate.ts EVENTS_FILE');
  process.exit(2);
}
const workers = Number(process.env.BENCH_WORKERS ?? 1);
/** BENCH_PROMPTS=off: no prompt sampling, to see what it costs. */
const sampling = process.env.BENCH_PROMPTS !== 'off';
const cfg = DEFAULT_CONFIG;
const aggregator = new Aggregator(cfg.coactivity.windowMinutes * 60_000);
const prompts = new PromptStage(cfg.templates);
let inAggregator = 0;
let inSampler = 0;
let events = 0;
const sink = {
  event: (e: EventRecord, promptHash?: number) => {
    const t = performance.now();
    const seq = aggregator.addEvent(e);
    const t1 = performance.now();
    if (sampling && e.prompt !== null) prompts.add(seq, e.prompt, e.timestamp, promptHash);
    inAggregator += t1 - t;
    inSampler += performance.now() - t1;
    events++;
  },
  account: () => {},
  reject: () => {},
};
const pool = workers > 1 ? new IngestPool(workers) : null;
const aggregate = { windowMs: aggregator.windowMs, templates: sampling ? cfg.templates : null };
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const stats = await readInput(file, 'events', { ...cfg.ingest, columns: cfg.columns.events, aggregate }, sink, pool);
let inCollect = 0;
let inMerge = 0;
if (pool !== null) {
  const tc = performance.now();
  const parts = await pool.collect();
  const tm = performance.now();
  mergeParts(parts, aggregator, sampling ? prompts : null);
  inCollect = tm - tc;
  inMerge = performance.now() - tm;
  events = stats.accepted;
}
await pool?.close();
const t1 = performance.now();
const data = aggregator.finalize();
const t2 = performance.now();
const cpu = process.cpuUsage(cpu0);
const gib = (n: number) => (n / 2 ** 30).toFixed(2);
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
console.log(
  `${events} events, ${data.keys.length} keys, ${workers} worker(s): ingest ${s(t1 - t0)} ` +
    (pool === null ? `(aggregator ${s(inAggregator)}, sampler ${s(inSampler)}), ` : `(collect ${s(inCollect)}, merge ${s(inMerge)}), `) +
    `finalize ${s(t2 - t1)}, process CPU ${s((cpu.user + cpu.system) / 1000)}, heap ${gib(process.memoryUsage().heapUsed)} GiB, RSS ${gib(process.memoryUsage().rss)} GiB`,
);
