/**
 * Benchmark of aggregation alone: an events file read on one thread into an
 * Aggregator (no prompt sampling, no later stage), then `finalize`. Prints
 * wall and CPU time, the time inside the aggregator, and the heap and RSS
 * after finalize. `node --import tsx bench/aggregate.ts events.jsonl`; the
 * key count is what drives memory and garbage collection here (a 2M-event
 * slice of the 50M-event workload holds 470k keys). Not a test.
 */
import { Aggregator } from '../src/aggregate/index.ts';
import { DEFAULT_CONFIG } from '../src/config/schema.ts';
import { readInput } from '../src/ingest/index.ts';

const file = process.argv[2];
if (!file) {
  console.error('usage: node --import tsx bench/aggregate.ts EVENTS_FILE');
  process.exit(2);
}
const cfg = DEFAULT_CONFIG;
const aggregator = new Aggregator(cfg.coactivity.windowMinutes * 60_000);
let inAggregator = 0;
let events = 0;
const sink = {
  event: (e: Parameters<Aggregator['addEvent']>[0]) => {
    const t = performance.now();
    aggregator.addEvent(e);
    inAggregator += performance.now() - t;
    events++;
  },
  account: () => {},
  reject: () => {},
};
const cpu0 = process.cpuUsage();
const t0 = performance.now();
await readInput(file, 'events', { ...cfg.ingest, columns: cfg.columns.events }, sink);
const t1 = performance.now();
const data = aggregator.finalize();
const t2 = performance.now();
const cpu = process.cpuUsage(cpu0);
const gib = (n: number) => (n / 2 ** 30).toFixed(2);
console.log(
  `${events} events, ${data.keys.length} keys: read+aggregate ${((t1 - t0) / 1000).toFixed(1)} s (in addEvent ${(inAggregator / 1000).toFixed(1)} s), ` +
    `finalize ${((t2 - t1) / 1000).toFixed(1)} s, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s, ` +
    `heap ${gib(process.memoryUsage().heapUsed)} GiB, RSS ${gib(process.memoryUsage().rss)} GiB`,
);
