/**
 * Benchmark of `sybilscope report` (issue 5's target: 1,000 cluster reports
 * in under 10 s). It builds a generated 1M-event log once (bench/.data/,
 * shared with `npm run bench`), then times the report of its 1,000
 * highest-ranked clusters in every format, of all its clusters, and the PDF
 * rendering of 20 reports, in this process (CLI start-up, ~0.5 s, is not
 * counted). Not a test: nothing here asserts a time.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ReportOptionsSchema, writeReports, type ReportOptions } from '../src/report/index.ts';

const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'bin/sybilscope.js');
const events = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const dir = join(root, 'bench/.data', String(events));
const out = join(dir, 'report-out');
const node = (args: string[]) => execFileSync('node', [bin, ...args], { stdio: ['ignore', 'ignore', 'inherit'] });


if (!existsSync(join(dir, 'events.jsonl'))) node(['generate', '--out', dir, '--events', String(events), '--seed', '1']);
if (!existsSync(join(out, 'manifest.json')))
  node(['build', '--events', join(dir, 'events.jsonl'), '--accounts', join(dir, 'accounts.csv'), '--out', out, '--quiet']);
const clusters = JSON.parse(readFileSync(join(out, 'clusters.json'), 'utf8')).clusters.length as number;
const runs = Number(process.env.BENCH_RUNS ?? 3);

/** Best of `runs` in this process (the machine is shared: the best run is the least disturbed), with its CPU time. */
async function time(label: string, flags: Partial<ReportOptions>): Promise<void> {
  let best = { wall: Infinity, cpu: 0 };
  for (let r = 0; r < runs; r++) {
    const cpu0 = process.cpuUsage();
    const t = performance.now();
    await writeReports(ReportOptionsSchema.parse({ dir: out, quiet: true, ...flags }));
    const wall = (performance.now() - t) / 1000;
    const c = process.cpuUsage(cpu0);
    if (wall < best.wall) best = { wall, cpu: (c.user + c.system) / 1e6 };
  }
  const files = readdirSync(join(out, 'reports'));
  const reports = files.filter((f) => /^c_[0-9a-f]{10}\.(html|md)$/.test(f)).map((f) => f.slice(0, 12));
  const n = new Set(reports).size;
  const pdfs = files.filter((f) => f.endsWith('.pdf')).length;
  const rate = pdfs > 0 ? `${(best.wall / pdfs).toFixed(2)} s per report (HTML + PDF)` : `${Math.round(n / best.wall)} reports/s`;
  console.log(`| ${label} | ${n} | ${files.length} | ${best.wall.toFixed(2)} s | ${best.cpu.toFixed(2)} s | ${rate} |`);
}

console.log(`${events.toLocaleString('en')} events, ${clusters} clusters; best of ${runs} runs\n`);
console.log('| run | clusters reported | files | wall | CPU (user + sys) | rate |');
console.log('| --- | --- | --- | --- | --- | --- |');
await time('--top 1000, every format', { top: 1000 });
await time('--top 1000, HTML, Markdown, JSON, CSV, STIX (no graph exports)', { top: 1000, format: ['html', 'md', 'json', 'csv', 'stix'] });
await time('--top 1000, HTML only', { top: 1000, format: ['html'] });
await time('--top 1000, HTML only, --by-account (re-reads the 1M events)', { top: 1000, format: ['html'], byAccount: true });
await time(`all ${clusters} clusters, every format`, {});
await time('--top 20 --pdf, HTML + PDF', { top: 20, format: ['html'], pdf: true });
