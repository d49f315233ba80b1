/**
 * Benchmark of `sybilscope build` on generated workloads (default 1M and 10M
 * events; BENCH_SIZES=200000,1000000 to choose). Each build runs in its own
 * process so its peak RSS is its own. Prints a Markdown table for the README.
 * Not a test: nothing here asserts a time.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const sizes = (process.env.BENCH_SIZES ?? '1000000,10000000').split(',').map(Number);
const bin = join(root, 'bin/sybilscope.js');

const rows: string[] = [];
for (const events of sizes) {
  const dir = join(root, 'bench/.data', String(events));
  if (!existsSync(join(dir, 'truth.json'))) {
    const t = performance.now();
    execFileSync('node', [bin, 'generate', '--out', dir, '--events', String(events), '--seed', '1'], { stdio: 'inherit' });
    console.error(`generated ${events} events in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  const out = join(dir, 'out');
  const t = performance.now();
  execFileSync('node', [bin, 'build', '--events', join(dir, 'events.jsonl'), '--accounts', join(dir, 'accounts.csv'), '--out', out, '--quiet'], {
    stdio: 'inherit',
  });
  const wall = (performance.now() - t) / 1000;
  const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
  const read = summary.rows.total.read;
  const stages = Object.entries(summary.run.timings_ms as Record<string, number>)
    .map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s (${fmt(read / (ms / 1000))}/s)`)
    .join(', ');
  const rss = (summary.run.peak_rss_bytes / 2 ** 30).toFixed(2);
  rows.push(`| ${fmt(events)} | ${fmt(summary.keys)} | ${fmt(summary.edges.kept)} | ${wall.toFixed(1)} s | ${fmt(read / wall)}/s | ${rss} GiB | ${stages} |`);
  console.error(rows.at(-1));
}
console.log('| events | keys | edges | wall | events/s | peak RSS | per stage (events/s) |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) console.log(r);

function fmt(n: number): string {
  return n >= 1e6 ? `${(n / 1e6).toFixed(1)}M` : n >= 1e3 ? `${(n / 1e3).toFixed(0)}k` : String(Math.round(n));
}
