/**
 * Hostile content end to end: a log whose ids, payment fingerprints, user
 * agents and prompts carry HTML, script, CSV formulas, right-to-left
 * overrides, Markdown links and very long strings. Every HTML report is
 * opened in headless Chromium: no script runs, no element or handler is
 * injected, nothing is fetched, and the text shows literally. No CSV cell
 * starts a formula; the Markdown has no live markup; no file is written
 * outside OUT/reports.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BundleSchema } from '../../src/export/stix-schema.ts';
import { CHROMIUM_ARGS } from '../../src/util/chromium.ts';
import { ClusterReportSchema } from '../../src/report/schema.ts';
import { buildRun, CHROMIUM, report, REPORT_FILE, tempDir, tree } from './helpers.ts';
import { ACTOR, KEYS, LONG, PAYLOADS, PAYMENTS, USER_AGENTS, writeHostileLog } from './hostile-log.ts';

let out: string;
let before: Map<string, string>;
let browser: Browser;
const reports = () => join(out, 'reports');
const files = (suffix: string) => readdirSync(reports()).filter((f) => f.endsWith(suffix)).sort();
const read = (name: string) => readFileSync(join(reports(), name), 'utf8');

beforeAll(async () => {
  const dir = tempDir('report-hostile');
  const input = writeHostileLog(dir);
  out = join(dir, 'out');
  await buildRun(out, input.events, input.accounts, '--actors', input.actors);
  before = tree(out);
  const r = await report(out, '--pdf', '--by-account', '--chromium', CHROMIUM); // --by-account: account ids in the chart legend too
  expect(r.code, r.stderr).toBe(0);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
});

afterAll(async () => {
  await browser?.close();
});

describe('hostile log text', () => {
  it('forms a cluster whose report carries the payloads', () => {
    expect(files('.html').length).toBeGreaterThanOrEqual(2); // index + at least one cluster
    const [json] = files('.json').filter((f) => !f.endsWith('.stix.json'));
    const r = ClusterReportSchema.parse(JSON.parse(read(json)));
    expect(r.members.map((m) => m.key).sort()).toEqual([...KEYS].sort());
    expect(r.shared.payments.map((p) => p.value).sort()).toEqual(PAYMENTS.map((p) => p.trim()).sort());
    expect(r.templates.flatMap((t) => t.examples).join('\n')).toContain(PAYLOADS.script);
    expect(r.attribution?.actor).toBe(ACTOR.name);
  });

  it('writes nothing outside OUT/reports, and only names made from cluster ids', () => {
    const after = tree(out);
    for (const [path, hash] of before) expect(after.get(path), path).toBe(hash);
    for (const path of after.keys()) if (!before.has(path)) expect(path.startsWith('reports/'), path).toBe(true);
    for (const name of readdirSync(reports())) expect(name).toMatch(REPORT_FILE);
    expect(readdirSync(out).filter((f) => f.includes('.tmp-') || f.includes('.old-'))).toEqual([]);
  });

  it('no script runs, nothing is injected or fetched, and the text shows literally in every HTML report', async () => {
    const pages = files('.html');
    for (const name of pages) {
      const context = await browser.newContext(); // JavaScript on: a payload that became markup would run
      const page = await context.newPage();
      const dialogs: string[] = [];
      const requests: string[] = [];
      const consoleLines: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      page.on('console', (m) => consoleLines.push(m.text()));
      page.on('request', (req) => {
        if (!req.url().startsWith('file://')) requests.push(req.url());
      });
      await page.goto(`file://${join(reports(), name)}`, { waitUntil: 'load' });
      // Hover and focus everything, so handlers like onmouseover would fire if they existed.
      await page.mouse.move(10, 10);
      const state = await page.evaluate(() => ({
        pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
        scripts: document.querySelectorAll('script, iframe, object, embed, img, svg image, link[rel], base, form, input').length,
        handlers: [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${e.tagName}.${a.name}`)),
        jsLinks: [...document.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '').filter((h) => !/^(c_[0-9a-f]{10}(\.html|\.md|\.json|-members\.csv|\.stix\.json|\.pdf)|index\.html|graph\.(gexf|graphml))$/.test(h)),
        text: document.body.textContent ?? '',
        bdi: [...document.querySelectorAll('bdi')].map((b) => b.textContent),
      }));
      expect(state.pwned, name).toBeNull();
      expect(state.scripts, name).toBe(0);
      expect(state.handlers, name).toEqual([]);
      expect(state.jsLinks, name).toEqual([]);
      expect(dialogs, name).toEqual([]);
      expect(requests, name).toEqual([]);
      expect(consoleLines.filter((l) => /pwned|Content Security Policy/i.test(l)), name).toEqual([]);
      if (name !== 'index.html') {
        for (const key of KEYS.filter((k) => k.length < 100)) expect(state.text, `${name}: ${key}`).toContain(key);
        expect(state.text).toContain(PAYMENTS[0]);
        expect(state.text).toContain(USER_AGENTS[0]);
        expect(state.text).toContain(ACTOR.name);
        expect(state.text).toContain(ACTOR.description);
        expect(state.text).toContain(LONG.slice(0, 100)); // a long value shows truncated
        expect(state.text).not.toContain(LONG);
        expect(state.bdi).toContain(PAYLOADS.rtl); // isolated: the override cannot reorder the text around it
      }
      await context.close();
    }
  });

  it('no CSV cell starts a formula', () => {
    const csvs = files('-members.csv');
    expect(csvs.length).toBeGreaterThan(0);
    let cells = 0;
    for (const name of csvs) {
      const rows = parseCsv(read(name), { relax_column_count: false }) as string[][];
      for (const row of rows)
        for (const cell of row) {
          cells++;
          if (/^-?\d+(\.\d+)?$/.test(cell)) continue; // a number is not a formula
          expect(cell, `${name}: ${JSON.stringify(cell.slice(0, 60))}`).not.toMatch(/^[=+\-@\t\r]/);
        }
      expect(read(name)).toContain(`'${PAYLOADS.hyperlink.replace(/"/g, '""')}`);
    }
    expect(cells).toBeGreaterThan(KEYS.length * 13);
  });

  it('Markdown has no live HTML, link, image or code syntax', () => {
    for (const name of files('.md')) {
      const text = read(name);
      expect(text).not.toMatch(/<[a-z!/]/i);
      expect(text).not.toMatch(/(^|[^\\])\]\(/m);
      expect(text).not.toContain('\u202E');
      expect(text).toContain('⟦U+202E⟧');
      expect(text).toContain('&lt;script&gt;window.\\_\\_pwned=1&lt;/script&gt;');
    }
  });

  it('STIX, GEXF and GraphML stay valid with hostile values', () => {
    for (const name of files('.stix.json')) {
      const r = BundleSchema.safeParse(JSON.parse(read(name)));
      expect(r.success, r.error?.issues[0]?.message).toBe(true);
    }
    const graph = parseGexf(Graph, read('graph.gexf'));
    expect(graph.order).toBe(KEYS.length);
    for (const key of KEYS) expect(graph.hasNode(key), key.slice(0, 40)).toBe(true);
    const graphml = read('graph.graphml');
    expect(graphml).not.toMatch(/<script|<img|<svg/);
    expect(graphml.match(/<node /g)?.length).toBe(KEYS.length);
  });

  it('renders a PDF of every HTML report', () => {
    const pdfs = files('.pdf');
    expect(pdfs.length).toBe(files('.html').length - 1);
    for (const name of pdfs) expect(readFileSync(join(reports(), name)).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
