/**
 * Benchmark of `sybilscope build` on generated workloads (default 1M and 10M
 * events; BENCH_SIZES=200000,1000000 to choose). Each build runs in its own
 * process so its peak RSS is its own. BENCH_WORKERS=1,2 builds each size with
 * each number of worker threads (default: the build's own default, one per
 * core), BENCH_TEMPLATES=on,off with template mining on and off, BENCH_KEYS
 * the number of keys for each size (e.g. BENCH_SIZES=50000000 BENCH_KEYS=2000000
 * generates into bench/.data/50M-2M; default: what the size implies). Prints a
 * Markdown table for the README, with ingest events/s and the load average
 * (other jobs on the machine slow every figure). Not a test: nothing here
 * asserts a time.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const sizes = (process.env.BENCH_SIZES ?? '1000000,10000000').split(',').map(Number);
const workerCounts = process.env.BENCH_WORKERS ? process.env.BENCH_WORKERS.split(',').map(Number) : [null];
const templateModes = (process.env.BENCH_TEMPLATES ?? 'on').split(',') as ('on' | 'off')[];
const keyCounts = (process.env.BENCH_KEYS ?? '').split(',').map((k) => (k.trim() === '' ? null : Number(k)));
const bin = join(root, 'bin/sybilscope.js');

const rows: string[] = [];
sizes.forEach((events, i) => {
  const keys = keyCounts[i] ?? null;
  const dir = join(root, 'bench/.data', keys === null ? String(events) : `${fmt(events)}-${fmt(keys)}`);
  if (!existsSync(join(dir, 'truth.json'))) {
    const t = performance.now();
    const keyArgs = keys === null ? [] : ['--keys', String(keys)];
    execFileSync('node', [bin, 'generate', '--out', dir, '--events', String(events), ...keyArgs, '--seed', '1'], { stdio: 'inherit' });
    console.error(`generated ${events} events in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  for (const templates of templateModes) {
    const config = join(dir, `config-templates-${templates}.json`);
    writeFileSync(config, JSON.stringify({ templates: { enabled: templates === 'on' } }));
    for (const workers of workerCounts) {
      const out = join(dir, `out-templates-${templates}-workers-${workers ?? 'default'}`);
      const args = ['build', '--events', join(dir, 'events.jsonl'), '--accounts', join(dir, 'accounts.csv'), '--config', config, '--out', out, '--quiet'];
      if (workers !== null) args.push('--workers', String(workers));
      const load = loadavg()[0];
      const t = performance.now();
      execFileSync('node', [bin, ...args], { stdio: 'inherit' });
      const wall = (performance.now() - t) / 1000;
      const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
      const read = summary.rows.total.read;
      const timings = summary.run.timings_ms as Record<string, number>;
      const stages = Object.entries(timings)
        .map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s` + (ms > 0 ? ` (${fmt(read / (ms / 1000))}/s)` : ''))
        .join(', ');
      const rss = (summary.run.peak_rss_bytes / 2 ** 30).toFixed(2);
      const ingest = `${fmt(read / (timings.ingest / 1000))}/s`;
      const label = `${templates === 'on' ? 'on' : 'off'} | ${workers ?? 'default'}`;
      rows.push(
        `| ${fmt(events)} | ${label} | ${fmt(summary.keys)} | ${fmt(summary.edges.kept)} | ${wall.toFixed(1)} s | ${fmt(read / wall)}/s | ${ingest} | ${rss} GiB | ${load.toFixed(1)} | ${stages} |`,
      );
      console.error(rows.at(-1));
    }
  }
});
console.log('| events | templates | workers | keys | edges | wall | events/s | ingest | peak RSS | load | per stage (events/s) |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) console.log(r);

function fmt(n: number): string {
  const short = (x: number) => x.toFixed(1).replace(/\.0$/, '');
  return n >= 1e6 ? `${short(n / 1e6)}M` : n >= 1e3 ? `${(n / 1e3).toFixed(0)}k` : String(Math.round(n));
}
