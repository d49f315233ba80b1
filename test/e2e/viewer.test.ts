/**
 * The viewer in real headless Chromium, served by `startViewServer` (with its CSP) over a build
 * of the bundled sample: what an analyst sees must match the build's own files. Screenshots of
 * each view are written to test/e2e/artifacts/.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifact, buildRun, buildViewer, launchBrowser, openPage, ROOT, serve, waitForView, type PageWatch } from './harness.ts';

interface ClusterRecord {
  id: string;
  rank: number;
  risk: number;
  size: number;
  members: string[];
  accounts: string[];
}
interface EdgeRecord {
  source: string;
  target: string;
  weight: number;
  cluster: string | null;
  evidence: Record<string, { weight: number; values: Array<{ value: string }> }>;
}

const dir = mkdtempSync(join(tmpdir(), 'sybilscope-e2e-'));
let dist: string;
let out: string;
let server: Awaited<ReturnType<typeof serve>>;
let browser: Browser;
let clusters: ClusterRecord[];
let edges: EdgeRecord[];
const pages: Page[] = [];

async function open(hash = ''): Promise<{ page: Page; watch: PageWatch }> {
  const opened = await openPage(browser, server.url + hash);
  pages.push(opened.page);
  return opened;
}

/** Nothing went wrong in the page: no uncaught error, no console error, no CSP violation. */
async function expectClean(page: Page, watch: PageWatch) {
  expect(watch.errors).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
}

interface Hooks {
  __sybilscope: { state(): { hovered: string | null; cluster: string | null; key: string | null }; nodePosition(node: string): { x: number; y: number } | null };
}

const hashOf = (page: Page) => page.evaluate(() => decodeURIComponent(window.location.hash));

beforeAll(async () => {
  [dist, out] = await Promise.all([
    buildViewer(join(dir, 'dist')),
    buildRun(join(dir, 'sample'), join(ROOT, 'data/sample/events.jsonl'), join(ROOT, 'data/sample/accounts.csv')),
  ]);
  clusters = JSON.parse(readFileSync(join(out, 'clusters.json'), 'utf8')).clusters;
  edges = readFileSync(join(out, 'edges.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line));
  server = await serve(out, dist);
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const page of pages) await page.context().close().catch(() => {});
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('viewer on the sample', () => {
  it('lists the clusters by rank; the top one matches clusters.json', async () => {
    const { page, watch } = await open();
    await waitForView(page, 'overview');
    const rows = page.locator('#cluster-list li.cluster-row');
    expect(await rows.count()).toBe(clusters.length);
    const top = clusters[0];
    const first = rows.first();
    expect(await first.getAttribute('data-cluster')).toBe(top.id);
    expect(await first.locator('.rank').textContent()).toBe(`#${top.rank}`);
    expect(await first.locator('.risk').textContent()).toBe(top.risk.toFixed(2));
    expect(await first.locator('.counts').textContent()).toContain(`${top.size.toLocaleString('en-US')} keys`);
    expect(await page.locator('#graph canvas').count()).toBeGreaterThan(0);
    await page.screenshot({ path: artifact('overview.png') });
    await expectClean(page, watch);
  });

  it('opens the top cluster from the list with all its members, and Esc goes back', async () => {
    const { page, watch } = await open();
    await waitForView(page, 'overview');
    const top = clusters[0];
    await page.locator(`#cluster-list li[data-cluster="${top.id}"]`).click();
    await waitForView(page, `cluster:${top.id}`);
    expect(await page.locator('#panel .member-count').textContent()).toBe(top.members.length.toLocaleString('en-US'));
    expect(await hashOf(page)).toBe(`#cluster=${top.id}`);
    expect(await page.locator('#breadcrumb [data-crumb="cluster"]').textContent()).toBe(`Cluster #${top.rank}`);
    await page.screenshot({ path: artifact('cluster.png') });
    // Every member can be listed, each one a link to its key.
    await page.locator('#panel button.show-all').click();
    const listed = await page.locator('#panel [data-table="keys"] button.key-link').allTextContents();
    expect(listed.slice().sort()).toEqual(top.members.slice().sort());
    await page.keyboard.press('Escape');
    await waitForView(page, 'overview');
    expect(await hashOf(page)).toBe('');
    await expectClean(page, watch);
  });

  it('opens a cluster by clicking it in the overview graph, and highlights a key’s neighbours on hover', async () => {
    const { page, watch } = await open();
    await waitForView(page, 'overview');
    const target = clusters[1]; // small enough for software WebGL to repaint quickly on hover
    const at = await page.evaluate((id) => (window as unknown as Hooks).__sybilscope.nodePosition(id), target.id);
    expect(at).not.toBeNull();
    await page.mouse.click(at!.x, at!.y);
    await waitForView(page, `cluster:${target.id}`);
    expect(await hashOf(page)).toBe(`#cluster=${target.id}`);
    // Hover: after the debounce the state names the hovered key; leaving clears it.
    const key = target.members[0];
    const k = await page.evaluate((id) => (window as unknown as Hooks).__sybilscope.nodePosition(id), key);
    expect(k).not.toBeNull();
    await page.mouse.move(k!.x, k!.y);
    await page.waitForFunction(() => (window as unknown as Hooks).__sybilscope.state().hovered !== null);
    const hovered = await page.evaluate(() => (window as unknown as Hooks).__sybilscope.state().hovered);
    expect(target.members).toContain(hovered);
    await page.locator('#tooltip').waitFor({ state: 'visible' });
    expect(await page.locator('#tooltip .tip-title').textContent()).toBe(hovered);
    await page.mouse.click(k!.x, k!.y);
    await page.locator('#panel .key-id').waitFor();
    expect(await page.locator('#panel .key-id').textContent()).toBe(hovered);
    await page.mouse.move(5, 5);
    await page.waitForFunction(() => (window as unknown as Hooks).__sybilscope.state().hovered === null);
    expect(await page.locator('#tooltip').isHidden()).toBe(true);
    await expectClean(page, watch);
  });

  it('finds a key by search and lands on it', async () => {
    const { page, watch } = await open();
    await waitForView(page, 'overview');
    const target = clusters[1];
    const key = [...target.members].sort()[0];
    await page.keyboard.press('/');
    await page.keyboard.type(key);
    const suggestion = page.locator('#search-suggestions li.suggestion').first();
    await suggestion.waitFor();
    expect(await suggestion.locator('.value').textContent()).toBe(key);
    expect(await suggestion.getAttribute('data-kind')).toBe('key');
    await page.screenshot({ path: artifact('search.png') });
    // The keyboard moves through the suggestions and wraps around.
    const count = await page.locator('#search-suggestions li.suggestion').count();
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#search-suggestions li.suggestion').nth(count > 1 ? 1 : 0).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowUp');
    expect(await suggestion.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await waitForView(page, `cluster:${target.id}`);
    await page.locator('#panel .key-id').waitFor();
    expect(await page.locator('#panel .key-id').textContent()).toBe(key);
    expect(await hashOf(page)).toBe(`#cluster=${target.id}&key=${key}`);
    expect(await page.locator('#breadcrumb [data-crumb="key"]').textContent()).toBe(key);
    await page.screenshot({ path: artifact('key.png') });
    // The breadcrumb goes back a step at a time.
    await page.locator('#breadcrumb [data-crumb="cluster"]').click();
    await page.locator('#panel .member-count').waitFor();
    expect(await hashOf(page)).toBe(`#cluster=${target.id}`);
    await page.locator('#breadcrumb [data-crumb="overview"]').click();
    await waitForView(page, 'overview');
    expect(await hashOf(page)).toBe('');
    await expectClean(page, watch);
  });

  it('shows why two keys are linked, value by value, as edges.jsonl says', async () => {
    const top = clusters[0];
    const inTop = edges.filter((e) => e.cluster === top.id);
    // The heaviest edge with the most evidence types; the key panel lists neighbours strongest first.
    const edge = inTop.reduce((best, e) => (Object.keys(e.evidence).length > Object.keys(best.evidence).length ? e : best));
    const heaviest = inTop.filter((e) => e.source === edge.source || e.target === edge.source).sort((a, b) => b.weight - a.weight);
    expect(heaviest.indexOf(edge)).toBeLessThan(60);
    const { page, watch } = await open(`#cluster=${top.id}&key=${encodeURIComponent(edge.source)}`);
    await waitForView(page, `cluster:${top.id}`);
    const row = page.locator(`#panel li.neighbour[data-neighbour="${edge.target}"]`);
    await row.waitFor();
    const shownTypes = await row.locator('li.evidence-type').evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.type).sort());
    expect(shownTypes).toEqual(Object.keys(edge.evidence).sort());
    for (const [type, evidence] of Object.entries(edge.evidence)) {
      const values = await row.locator(`li.evidence-type[data-type="${type}"] .evidence-value`).allTextContents();
      expect(values, type).toEqual(evidence.values.map((v) => v.value));
    }
    expect(await row.locator('.weight').textContent()).toContain(edge.weight >= 10 ? edge.weight.toFixed(1) : edge.weight.toFixed(2));
    await expectClean(page, watch);
  });

  it('a deep link reproduces the view, and filter changes update the hash', async () => {
    const target = clusters[2];
    const key = target.members[0];
    const { page, watch } = await open(`#cluster=${target.id}&key=${encodeURIComponent(key)}&minWeight=1&hide=ip,prefix`);
    await waitForView(page, `cluster:${target.id}`);
    expect(await page.locator('#panel .key-id').textContent()).toBe(key);
    expect(await page.locator('#filters input[data-type="ip"]').isChecked()).toBe(false);
    expect(await page.locator('#filters input[data-type="prefix"]').isChecked()).toBe(false);
    expect(await page.locator('#filters input[data-type="payment"]').isChecked()).toBe(true);
    expect(await page.locator('#filters input[name="min-weight"]').inputValue()).toBe('1');
    expect(await page.locator(`#cluster-list li.current`).getAttribute('data-cluster')).toBe(target.id);
    await page.locator('#filters input[data-type="ip"]').click();
    await page.waitForFunction(() => window.location.hash.includes('hide=prefix') && !window.location.hash.includes('ip,'));
    expect(await hashOf(page)).toBe(`#cluster=${target.id}&key=${key}&minWeight=1&hide=prefix`);
    // Editing the hash by hand moves the view.
    await page.evaluate((id) => (window.location.hash = `#cluster=${id}`), clusters[0].id);
    await waitForView(page, `cluster:${clusters[0].id}`);
    expect(await page.locator('#filters input[data-type="ip"]').isChecked()).toBe(true);
    // A link to a cluster the run does not have says so.
    await page.evaluate(() => (window.location.hash = '#cluster=c_0000000000'));
    await waitForView(page, 'missing');
    expect(await page.locator('#status').textContent()).toBe('no cluster c_0000000000 in this run');
    await expectClean(page, watch);
  });

  it('the minimum risk filter narrows the cluster list and the overview', async () => {
    const { page, watch } = await open('#minRisk=0.2');
    await waitForView(page, 'overview');
    const kept = clusters.filter((c) => c.risk >= 0.2);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(clusters.length);
    expect(await page.locator('#cluster-list li.cluster-row').count()).toBe(kept.length);
    const hidden = clusters.find((c) => c.risk < 0.2)!;
    expect(await page.evaluate((id) => (window as unknown as Hooks).__sybilscope.nodePosition(id), hidden.id)).toBeNull();
    expect(await page.evaluate((id) => (window as unknown as Hooks).__sybilscope.nodePosition(id), kept[0].id)).not.toBeNull();
    await expectClean(page, watch);
  });

  it('exports the current view as a PNG', async () => {
    const { page, watch } = await open(`#cluster=${clusters[0].id}`);
    await waitForView(page, `cluster:${clusters[0].id}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export').click()]);
    expect(download.suggestedFilename()).toBe(`sybilscope-${clusters[0].id}.png`);
    const path = await download.path();
    const png = readFileSync(path);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.length).toBeGreaterThan(20_000); // a drawn graph, not a blank canvas
    // Width and height from the IHDR chunk: the stage at the device pixel ratio.
    expect(png.readUInt32BE(16)).toBeGreaterThan(400);
    expect(png.readUInt32BE(20)).toBeGreaterThan(300);
    await expectClean(page, watch);
  });
});

describe('viewer on hostile log text', () => {
  const hostile = join(dir, 'hostile');
  const KEYS = ['<img src=x onerror="window.__pwned=1">', '<script>window.__pwned=2</script>', 'javascript:window.__pwned=3', '"><svg onload=window.__pwned=4>'];
  const ACCOUNTS = ['acct_<b>1</b>', 'acct_<i>2</i>', 'acct_3&amp;', "acct_4');alert(1);//"];
  const UA = '<img src=x onerror=window.__pwned=5>';
  const PAYMENT = '<script>window.__pwned=7</script>';
  let hostileServer: Awaited<ReturnType<typeof serve>>;
  let clusterId: string;

  beforeAll(async () => {
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(hostile, { recursive: true });
    const events = KEYS.flatMap((key, i) =>
      Array.from({ length: 6 }, (_, j) =>
        JSON.stringify({
          timestamp: `2026-11-02T${String(j).padStart(2, '0')}:${String(i * 5).padStart(2, '0')}:00Z`,
          key_id: key,
          account_id: ACCOUNTS[i],
          ip: '203.0.113.7',
          user_agent: UA,
          model: 'm',
          prompt: `<script>window.__pwned=6</script> summarise this text: item ${i} ${j} javascript:window.__pwned=8`,
          input_tokens: 10,
          output_tokens: 20,
        }),
      ),
    );
    writeFileSync(join(hostile, 'events.jsonl'), events.join('\n') + '\n');
    const csv = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const accounts = ['account_id,payment_fingerprint,email_domain,created_at,signup_ip,country', ...ACCOUNTS.map((a) => [csv(a), csv(PAYMENT), 'x.example', '2026-11-01T00:00:00Z', '198.51.100.9', 'US'].join(','))];
    writeFileSync(join(hostile, 'accounts.csv'), accounts.join('\n') + '\n');
    const built = await buildRun(join(hostile, 'out'), join(hostile, 'events.jsonl'), join(hostile, 'accounts.csv'));
    const list: ClusterRecord[] = JSON.parse(readFileSync(join(built, 'clusters.json'), 'utf8')).clusters;
    expect(list).toHaveLength(1);
    expect([...list[0].members].sort()).toEqual([...KEYS].sort());
    clusterId = list[0].id;
    hostileServer = await serve(built, dist);
  });

  afterAll(async () => {
    await hostileServer?.close();
  });

  it('shows keys, accounts, user agents and payment fingerprints as text, and runs none of them', async () => {
    const { page, watch } = await openPage(browser, hostileServer.url);
    pages.push(page);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await waitForView(page, 'overview');
    await page.locator(`#cluster-list li[data-cluster="${clusterId}"]`).click();
    await waitForView(page, `cluster:${clusterId}`);

    const panel = page.locator('#panel');
    // The payment fingerprint, shown literally in shared infrastructure.
    expect(await panel.locator('[data-table="shared-payments"] td').first().textContent()).toBe(PAYMENT);
    const keyButtons = await panel.locator('button.key-link').allTextContents();
    expect([...new Set(keyButtons)].sort()).toEqual([...KEYS].sort());

    // Open each key by clicking its literal text; the breadcrumb and the panel show it verbatim.
    for (const key of KEYS) {
      await page.locator('#panel button.key-link', { hasText: key }).first().click();
      await page.locator('#panel .key-id').waitFor();
      expect(await page.locator('#panel .key-id').textContent()).toBe(key);
      expect(await page.locator('#breadcrumb [data-crumb="key"]').textContent()).toBe(key);
      expect(await page.locator('#panel [data-table="key-user-agents"] td').first().textContent()).toBe(UA);
      expect(await hashOf(page)).toBe(`#cluster=${clusterId}&key=${key}`);
      await page.keyboard.press('Escape');
      await page.locator('#panel .member-count').waitFor();
    }
    // Search for markup: suggestions show it as text.
    await page.locator('#search input').fill('<script>');
    await page.locator('#search-suggestions li.suggestion').first().waitFor();
    const suggested = await page.locator('#search-suggestions li.suggestion .value').allTextContents();
    expect(suggested).toContain(KEYS[1]);
    await page.screenshot({ path: artifact('hostile.png') });

    // Nothing ran and no markup from the data became an element.
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(await page.locator('#panel img, #panel script, #panel svg[onload], #search img, #breadcrumb img, #cluster-list img').count()).toBe(0);
    await expectClean(page, watch);
  });
});
