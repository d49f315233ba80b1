/**
 * Benchmark of the link stage alone: reads and aggregates a log once (with
 * templates), then times `link` with each number of workers given
 * (BENCH_WORKERS=1,2, default), BENCH_REPEAT times each, and checks that every
 * run's edge store is bit-identical to the first. Not a test: nothing here
 * asserts a time.
 *
 *   node --import tsx bench/link.ts EVENTS.jsonl ACCOUNTS.csv
 */
import { loadavg } from 'node:os';
import { Aggregator } from '../src/aggregate/index.ts';
import { DEFAULT_CONFIG } from '../src/config/schema.ts';
import { readInput } from '../src/ingest/index.ts';
import { link, type Linked } from '../src/link/index.ts';
import { PromptStage } from '../src/prompts/index.ts';

const [events, accounts] = process.argv.slice(2);
const workers = (process.env.BENCH_WORKERS ?? '1,2').split(',').map(Number);
const repeat = Number(process.env.BENCH_REPEAT ?? 2);
const config = DEFAULT_CONFIG;

const t0 = performance.now();
const aggregator = new Aggregator(config.coactivity.windowMinutes * 60_000);
const prompts = new PromptStage(config.templates);
const sink = {
  event: (e: Parameters<Aggregator['addEvent']>[0]) => {
    const seq = aggregator.addEvent(e);
    if (e.prompt !== null) prompts.add(seq, e.prompt, e.timestamp);
  },
  account: (a: Parameters<Aggregator['addAccount']>[0]) => aggregator.addAccount(a),
  reject: () => {},
};
if (accounts) await readInput(accounts, 'accounts', { ...config.ingest, columns: config.columns.accounts }, sink);
await readInput(events, 'events', { ...config.ingest, columns: config.columns.events }, sink);
const data = aggregator.finalize();
const templates = await prompts.finish(data);
console.error(`dataset: ${data.keys.length} keys in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

let first: Linked | null = null;
for (const w of workers)
  for (let r = 0; r < repeat; r++) {
    const load = loadavg()[0];
    const t = performance.now();
    const linked = await link(data, config, templates, w);
    const ms = performance.now() - t;
    first ??= linked;
    const same = sameStore(first, linked);
    console.log(
      `workers ${w}: link ${(ms / 1000).toFixed(2)} s, ${linked.store.size} candidate edges, ${linked.kept.length} kept, ` +
        `identical ${same}, load ${load.toFixed(2)}, rss ${(process.memoryUsage().rss / 2 ** 30).toFixed(2)} GiB`,
    );
  }

/** Same kept edges in the same order with the same float bits per type. */
function sameStore(a: Linked, b: Linked): boolean {
  const sa = a.store.kept(-Infinity);
  const sb = b.store.kept(-Infinity);
  if (sa.length !== sb.length || a.kept.length !== b.kept.length) return false;
  for (let e = 0; e < sa.length; e++) {
    const s = sa[e];
    const u = sb[e];
    if (a.store.source[s] !== b.store.source[u] || a.store.target[s] !== b.store.target[u]) return false;
    for (let t = 0; t < a.store.types; t++) if (!Object.is(a.store.weights[t][s], b.store.weights[t][u])) return false;
  }
  return true;
}
