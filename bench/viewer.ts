/**
 * Benchmark of the viewer in headless Chromium (Debian's, via playwright-core): time to first
 * render of the overview (navigation start → overview graph painted) and drill-down time into
 * the largest cluster (cluster chosen → its file fetched, its graph painted with its strongest
 * links; and → all its links painted), read from the performance marks the app sets. On the bundled sample and on a 1M-event build
 * (bench/.data/1000000, generated and built when missing). Prints a Markdown table.
 * Not a test: nothing here asserts a time.
 *
 *   npm run bench:viewer                      # sample and 1M
 *   BENCH_VIEWER_SETS=sample npm run bench:viewer
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildViewer, launchBrowser, serve } from '../test/e2e/harness.ts';

const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'bin/sybilscope.js');
const RUNS = Number(process.env.BENCH_VIEWER_RUNS ?? 5);
const sets = (process.env.BENCH_VIEWER_SETS ?? 'sample,1000000').split(',');

function node(args: string[]) {
  execFileSync(process.execPath, [bin, ...args], { stdio: 'inherit' });
}

/** A build with view files for the set, made if missing. */
function buildFor(set: string, scratch: string): string {
  if (set === 'sample') {
    const out = join(scratch, 'sample');
    node(['build', '--events', join(root, 'data/sample/events.jsonl'), '--accounts', join(root, 'data/sample/accounts.csv'), '--seed', '1', '--out', out, '--quiet']);
    return out;
  }
  const dir = join(root, 'bench/.data', set);
  if (!existsSync(join(dir, 'events.jsonl'))) node(['generate', '--out', dir, '--seed', '1', '--events', set]);
  const out = join(dir, 'viewer-out');
  if (!existsSync(join(out, 'view/overview.json'))) {
    const t = performance.now();
    node(['build', '--events', join(dir, 'events.jsonl'), '--accounts', join(dir, 'accounts.csv'), '--seed', '1', '--out', out, '--quiet']);
    console.error(`built ${set} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  return out;
}

const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];
const fmt = (n: number) => n.toLocaleString('en-US');
const ms = (n: number) => `${Math.round(n)} ms`;

const scratch = mkdtempSync(join(tmpdir(), 'sybilscope-bench-viewer-'));
const dist = await buildViewer(join(scratch, 'dist'));
const browser = await launchBrowser();
const rows: string[] = [];
try {
  for (const set of sets) {
    const out = buildFor(set, scratch);
    const overview = JSON.parse(readFileSync(join(out, 'view/overview.json'), 'utf8'));
    const largest = overview.nodes.reduce((a: { keys: number }, b: { keys: number }) => (b.keys > a.keys ? b : a));
    const clusterFile = join(out, 'view/clusters', `${largest.id}.json`);
    const cluster = JSON.parse(readFileSync(clusterFile, 'utf8'));
    const overviewBytes = statSync(join(out, 'view/overview.json')).size;
    const server = await serve(out, dist);
    const first: number[] = [];
    const drill: number[] = [];
    const drillAll: number[] = [];
    try {
      for (let run = 0; run < RUNS; run++) {
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
        const page = await context.newPage();
        await page.goto(server.url);
        await page.waitForFunction(() => document.body.dataset.view === 'overview', null, { timeout: 120_000 });
        first.push(await page.evaluate(() => performance.getEntriesByName('overview:rendered')[0].startTime));
        await page.evaluate((id) => (window.location.hash = `#cluster=${id}`), largest.id);
        await page.waitForFunction((id) => document.body.dataset.view === `cluster:${id}`, largest.id, { timeout: 120_000 });
        await page.waitForFunction(() => performance.getEntriesByName('drilldown:all', 'measure').length > 0, null, { timeout: 120_000 });
        drill.push(await page.evaluate(() => performance.getEntriesByName('drilldown', 'measure').at(-1)!.duration));
        drillAll.push(await page.evaluate(() => performance.getEntriesByName('drilldown:all', 'measure').at(-1)!.duration));
        await context.close();
      }
    } finally {
      await server.close();
    }
    const row = `| ${set === 'sample' ? 'sample (12k events)' : `${fmt(Number(set))} events`} | ${fmt(overview.nodes.length)} clusters, ${fmt(overview.links.length)} links, overview.json ${(overviewBytes / 1024).toFixed(0)} KiB | ${ms(median(first))} (${ms(Math.min(...first))}–${ms(Math.max(...first))}) | ${fmt(largest.keys)} keys, ${fmt(cluster.edge_stats.shown)} of ${fmt(cluster.edge_stats.total)} edges, ${(statSync(clusterFile).size / 2 ** 20).toFixed(1)} MiB | ${ms(median(drill))} (${ms(Math.min(...drill))}–${ms(Math.max(...drill))}) | ${ms(median(drillAll))} (${ms(Math.min(...drillAll))}–${ms(Math.max(...drillAll))}) |`;
    console.error(row);
    rows.push(row);
  }
} finally {
  await browser.close();
}
console.log(`Median of ${RUNS} runs (min–max), headless Chromium with SwiftShader (software WebGL), 1440×900.`);
console.log('');
console.log('| data | overview | first render | largest cluster | drill-down, strongest links | drill-down, all links |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const r of rows) console.log(r);
