/**
 * The viewer on a tracked, attributed build (headless Chromium, through the
 * e2e harness): the cluster list tags clusters new since the previous run and
 * names attributed actors; the cluster panel shows the attribution as text.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/generate/index.ts';
import type { ClustersFile } from '../../src/output/schemas.ts';
import { buildRun, buildViewer, launchBrowser, openPage, serve, waitForView } from '../e2e/harness.ts';

const dir = mkdtempSync(join(tmpdir(), 'sybilscope-viewer-track-'));
let browser: Browser;
let server: Awaited<ReturnType<typeof serve>>;
let clusters: ClustersFile['clusters'];

beforeAll(async () => {
  const w1 = join(dir, 'w1');
  const w2 = join(dir, 'w2');
  await generate({ out: w1, seed: 7, events: 12_000 });
  await generate({ out: w2, seed: 7, events: 12_000, week: 2 });
  const o1 = await buildRun(join(dir, 'o1'), join(w1, 'events.jsonl'), join(w1, 'accounts.csv'));
  const [dist, out] = await Promise.all([
    buildViewer(join(dir, 'dist')),
    buildRun(join(dir, 'o2'), join(w2, 'events.jsonl'), join(w2, 'accounts.csv'), '--previous', o1, '--actors', join(w2, 'actors.json')),
  ]);
  clusters = (JSON.parse(readFileSync(join(out, 'clusters.json'), 'utf8')) as ClustersFile).clusters;
  server = await serve(out, dist);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('viewer: attribution and new clusters', () => {
  it('tags new clusters and attributed actors in the list, and shows the attribution of a cluster', async () => {
    const { page, watch } = await openPage(browser, server.url);
    await waitForView(page, 'overview');
    for (const c of clusters) {
      const row = page.locator(`#cluster-list li[data-cluster="${c.id}"]`);
      expect(await row.locator('.tag.new').count(), c.id).toBe(c.change?.status === 'new' ? 1 : 0);
      expect(await row.locator('.tag.actor').count(), c.id).toBe(c.attribution ? 1 : 0);
    }
    const attributed = clusters.find((c) => c.attribution?.actor === 'QUIETWATER')!;
    const row = page.locator(`#cluster-list li[data-cluster="${attributed.id}"]`);
    expect(await row.locator('.tag.actor').textContent()).toBe('QUIETWATER');
    await row.click();
    await waitForView(page, `cluster:${attributed.id}`);
    expect(await page.locator('#panel .actor').textContent()).toBe('QUIETWATER');
    expect(await page.locator('#panel table[data-table="attribution"] tbody tr').count()).toBe(attributed.attribution!.indicators.length);
    expect(await page.locator('#panel').textContent()).toContain(attributed.attribution!.propagated.text);
    expect(watch.errors).toEqual([]);
    await page.context().close();
  });
});
