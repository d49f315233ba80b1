/**
 * Benchmark of the viewer in headless Chromium (Debian's, via playwright-core): time to first
 * render of the overview (navigation start → overview graph painted) and drill-down time into
 * the largest cluster (cluster chosen → its file fetched, its graph painted with its strongest
 * links; and → all its links painted), and hover in that cluster (pointer entered a key → the
 * first frame after its highlight was drawn, which includes the 60 ms hover debounce; and the
 * script time of the graph refresh per hover), read from the performance marks the app sets.
 * Each run hovers the cluster's HOVERS busiest drawn keys, each from the background, then goes
 * from key to key directly. On the bundled sample and on a 1M-event build
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
import type { Page } from 'playwright-core';
import { buildViewer, launchBrowser, serve } from '../test/e2e/harness.ts';

const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'bin/sybilscope.js');
const RUNS = Number(process.env.BENCH_VIEWER_RUNS ?? 5);
const HOVERS = Number(process.env.BENCH_VIEWER_HOVERS ?? 5);
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
const span = (xs: number[]) => (xs.length === 0 ? 'n/a' : `${ms(median(xs))} (${ms(Math.min(...xs))}–${ms(Math.max(...xs))})`);

interface Hooks {
  __sybilscope: { state(): { hovered: string | null }; nodePosition(node: string): { x: number; y: number } | null };
}

const measureCount = (page: Page, name: string) => page.evaluate((n) => performance.getEntriesByName(n, 'measure').length, name);
const lastMeasure = (page: Page, name: string) => page.evaluate((n) => performance.getEntriesByName(n, 'measure').at(-1)!.duration, name);

/** Point at `at` and wait for the app to report a new `hover` measure; its frame and script times. */
async function hoverAt(page: Page, at: { x: number; y: number }): Promise<{ frame: number; script: number } | null> {
  const before = await measureCount(page, 'hover');
  await page.mouse.move(at.x, at.y);
  try {
    await page.waitForFunction(([n]) => performance.getEntriesByName('hover', 'measure').length > n, [before], { timeout: 20_000 });
  } catch {
    return null; // another key drawn over this one, already hovered: nothing changed
  }
  return { frame: await lastMeasure(page, 'hover'), script: await lastMeasure(page, 'hover:script') };
}

/** Hover the cluster's busiest drawn keys, from the background and then key to key. */
async function hoverRun(page: Page, cluster: { nodes: { id: string }[]; edges: { source: string; target: string }[] }) {
  const degree = new Map<string, number>();
  for (const e of cluster.edges) for (const k of [e.source, e.target]) degree.set(k, (degree.get(k) ?? 0) + 1);
  const ranked = cluster.nodes.map((n) => n.id).sort((a, b) => (degree.get(b) ?? 0) - (degree.get(a) ?? 0) || (a < b ? -1 : 1));
  const targets: { x: number; y: number }[] = [];
  for (const id of ranked) {
    if (targets.length === HOVERS) break;
    const at = await page.evaluate((k) => (window as unknown as Hooks).__sybilscope.nodePosition(k), id);
    if (at !== null && targets.every((t) => Math.hypot(t.x - at.x, t.y - at.y) > 12)) targets.push(at);
  }
  const box = (await page.locator('#graph').boundingBox())!;
  const background = { x: box.x + box.width / 2, y: box.y + 4 };
  const result = { fromBackground: { frame: [] as number[], script: [] as number[] }, keyToKey: { frame: [] as number[], script: [] as number[] }, unhover: [] as number[] };
  const toBackground = async () => {
    const before = await measureCount(page, 'unhover:script');
    await page.mouse.move(background.x, background.y);
    await page.waitForFunction(() => (window as unknown as Hooks).__sybilscope.state().hovered === null, null, { timeout: 20_000 });
    if ((await measureCount(page, 'unhover:script')) > before) result.unhover.push(await lastMeasure(page, 'unhover:script'));
    await page.waitForTimeout(300); // let the last frame go out
  };
  for (const at of targets) {
    await toBackground();
    const h = await hoverAt(page, at);
    if (h !== null) {
      result.fromBackground.frame.push(h.frame);
      result.fromBackground.script.push(h.script);
    }
  }
  await toBackground();
  for (const at of targets) {
    const h = await hoverAt(page, at);
    await page.waitForTimeout(300);
    if (h === null) continue;
    if (at === targets[0]) continue; // the first comes from the background
    result.keyToKey.frame.push(h.frame);
    result.keyToKey.script.push(h.script);
  }
  await toBackground();
  return result;
}

const scratch = mkdtempSync(join(tmpdir(), 'sybilscope-bench-viewer-'));
const dist = await buildViewer(join(scratch, 'dist'));
const browser = await launchBrowser();
const rows: string[] = [];
const hoverRows: string[] = [];
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
    const hoverFrame: number[] = [];
    const hoverScript: number[] = [];
    const hopFrame: number[] = [];
    const hopScript: number[] = [];
    const unhoverScript: number[] = [];
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
        const h = await hoverRun(page, cluster);
        hoverFrame.push(...h.fromBackground.frame);
        hoverScript.push(...h.fromBackground.script);
        hopFrame.push(...h.keyToKey.frame);
        hopScript.push(...h.keyToKey.script);
        unhoverScript.push(...h.unhover);
        await context.close();
      }
    } finally {
      await server.close();
    }
    const row = `| ${set === 'sample' ? 'sample (12k events)' : `${fmt(Number(set))} events`} | ${fmt(overview.nodes.length)} clusters, ${fmt(overview.links.length)} links, overview.json ${(overviewBytes / 1024).toFixed(0)} KiB | ${ms(median(first))} (${ms(Math.min(...first))}–${ms(Math.max(...first))}) | ${fmt(largest.keys)} keys, ${fmt(cluster.edge_stats.shown)} of ${fmt(cluster.edge_stats.total)} edges, ${(statSync(clusterFile).size / 2 ** 20).toFixed(1)} MiB | ${ms(median(drill))} (${ms(Math.min(...drill))}–${ms(Math.max(...drill))}) | ${ms(median(drillAll))} (${ms(Math.min(...drillAll))}–${ms(Math.max(...drillAll))}) |`;
    console.error(row);
    rows.push(row);
    const hoverRow = `| ${set === 'sample' ? 'sample (12k events)' : `${fmt(Number(set))} events`} | ${fmt(largest.keys)} keys, ${fmt(cluster.edge_stats.shown)} edges | ${span(hoverFrame)} | ${span(hoverScript)} | ${span(hopFrame)} | ${span(hopScript)} | ${span(unhoverScript)} |`;
    console.error(hoverRow);
    hoverRows.push(hoverRow);
  }
} finally {
  await browser.close();
}
console.log(`Median of ${RUNS} runs (min–max), headless Chromium with SwiftShader (software WebGL), 1440×900.`);
console.log('');
console.log('| data | overview | first render | largest cluster | drill-down, strongest links | drill-down, all links |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const r of rows) console.log(r);
console.log('');
console.log(`Hover in the largest cluster: its ${HOVERS} busiest drawn keys per run, pointer entered → first frame after the highlight (includes the 60 ms debounce), and script time of the refresh; leaving a key (script).`);
console.log('');
console.log('| data | largest cluster | hover from background, frame | … script | key to key, frame | … script | leave, script |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const r of hoverRows) console.log(r);
