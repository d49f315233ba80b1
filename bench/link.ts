/**
 * Benchmark of the link stage alone: reads and aggregates a log once (with
 * templates), then times `link` with each number of workers given
 * (BENCH_WORKERS=1,2, default), BENCH_REPEAT times each, and checks that every
 * run's edge store is bit-identical to the first. Not a test: nothing here
 * asserts a time. Then, on this thread one after the other, the projection
 * value tables, then the projection whole and each of its parts for 2 and 3
 * threads, in CPU time, which other jobs on the machine disturb far less than
 * wall time: the parts' sum against the whole is the cost of every part
 * walking every value, and the largest part bounds the threads' wall time.
 *
 *   node --import tsx bench/link.ts EVENTS.jsonl ACCOUNTS.csv
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { DEFAULT_CONFIG, EVIDENCE_TYPES } from '../src/config/schema.ts';
import { link, type Linked } from '../src/link/index.ts';
import { packTables } from '../src/link/packed-tables.ts';
import { buildValueTable } from '../src/link/value-table.ts';
import { projectPart } from '../src/link/project-part.ts';
import { readFiles } from '../test/link/read-log.ts';

const [events, accounts] = process.argv.slice(2);
const workers = (process.env.BENCH_WORKERS ?? '1,2').split(',').map(Number);
const repeat = Number(process.env.BENCH_REPEAT ?? 2);
const config = DEFAULT_CONFIG;

const t0 = performance.now();
const { data, templates } = await readFiles(events, accounts);
console.error(`dataset: ${data.keys.length} keys in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

let first: Linked | null = null;
for (const w of workers)
  for (let r = 0; r < repeat; r++) {
    const load = loadavg()[0];
    const t = performance.now();
    const cpu = process.cpuUsage();
    const main = mainThreadCpu();
    const linked = await link(data, config, templates, w);
    const ms = performance.now() - t;
    const used = process.cpuUsage(cpu);
    const mainUsed = mainThreadCpu() - main;
    first ??= linked;
    const same = sameStore(first, linked);
    console.log(
      `workers ${w}: link ${(ms / 1000).toFixed(2)} s (CPU: main thread ${mainUsed.toFixed(2)} s, all threads ${((used.user + used.system) / 1e6).toFixed(2)} s), ` +
        `${linked.candidateEdges} candidate edges, ${linked.kept.length} kept, ` +
        `identical ${same}, load ${load.toFixed(2)}, rss ${(process.memoryUsage().rss / 2 ** 30).toFixed(2)} GiB`,
    );
  }

const tables = first!.tables;
const packed = packTables(tables, config);
const { maxCliqueKeys, sparseDegree } = config.projection;
const params = { nodes: data.keys.length, types: 8, maxCliqueKeys, sparseDegree, multiplier: config.coactivity.multiplier };
/** CPU seconds of `f` (this process runs no other thread meanwhile): other jobs on the machine barely change it. */
const time = (f: () => unknown) => {
  const cpu = process.cpuUsage();
  f();
  const used = process.cpuUsage(cpu);
  return (used.user + used.system) / 1e6;
};
for (let r = 0; r < repeat; r++) {
  const freemail = new Set(config.freemailDomains);
  const build = time(() =>
    EVIDENCE_TYPES.map((type) => buildValueTable(data, type, config.evidence[type].maxAccounts, type === 'email_domain' ? freemail : undefined, templates)),
  );
  const pack = time(() => packTables(tables, config));
  console.log(`value tables on one thread: CPU ${build.toFixed(2)} s, packing ${pack.toFixed(2)} s`);
  let edges = 0;
  const whole = time(() => (edges = projectPart(packed, params).size));
  const line = [`projection on one thread, CPU: whole ${whole.toFixed(2)} s (${edges} edges)`];
  for (const parts of [2, 3]) {
    const each = Array.from({ length: parts }, (_, part) => time(() => projectPart(packed, params, part, parts)));
    const sum = each.reduce((a, b) => a + b, 0);
    line.push(`${parts} parts ${each.map((x) => x.toFixed(2)).join(' + ')} = ${sum.toFixed(2)} s (${((sum / whole - 1) * 100).toFixed(0)}% over)`);
  }
  console.log(`${line.join('; ')}; load ${loadavg()[0].toFixed(2)}`);
}

/** CPU seconds of the main thread so far (Linux: /proc/self/task/PID/stat, in clock ticks of 1/100 s). */
function mainThreadCpu(): number {
  const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Same kept edges in the same order with the same float bits per type, out of as many candidates. */
function sameStore(a: Linked, b: Linked): boolean {
  const sa = a.store.kept(-Infinity);
  const sb = b.store.kept(-Infinity);
  if (sa.length !== sb.length || a.kept.length !== b.kept.length || a.candidateEdges !== b.candidateEdges) return false;
  for (let e = 0; e < sa.length; e++) {
    const s = sa[e];
    const u = sb[e];
    if (a.store.source[s] !== b.store.source[u] || a.store.target[s] !== b.store.target[u]) return false;
    for (let t = 0; t < a.store.types; t++) if (!Object.is(a.store.weights[t][s], b.store.weights[t][u])) return false;
  }
  return true;
}
