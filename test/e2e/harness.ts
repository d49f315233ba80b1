/**
 * What the end-to-end tests and bench/viewer.ts need: the viewer built with Vite's JS API, a run
 * built with the CLI, the real `startViewServer`, and Debian's headless Chromium driven by
 * playwright-core.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build as viteBuild } from 'vite';
import { startViewServer } from '../../src/view/server.ts';
import { ROOT, runCli } from '../helpers/cli.ts';
import { CHROMIUM_ARGS } from '../../src/util/chromium.ts';

export { ROOT };
export const ARTIFACTS = join(ROOT, 'test/e2e/artifacts');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Build the viewer into `outDir` (a temporary folder, so the tests never touch viewer/dist). */
export async function buildViewer(outDir: string): Promise<string> {
  await viteBuild({
    root: join(ROOT, 'viewer'),
    configFile: join(ROOT, 'viewer/vite.config.ts'),
    logLevel: 'error',
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}

/** `sybilscope build` of the given files into `out`. */
export async function buildRun(out: string, events: string, accounts: string | null, ...flags: string[]): Promise<string> {
  const args = ['build', '--events', events, ...(accounts ? ['--accounts', accounts] : []), '--seed', '1', '--out', out, '--quiet', ...flags];
  const r = await runCli(args);
  if (r.code !== 0) throw new Error(`sybilscope build failed (${r.code}): ${r.stderr}`);
  return out;
}

export async function serve(out: string, viewerDir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = await startViewServer({ out, viewerDir, host: '127.0.0.1', port: 0 });
  return { url: server.url.endsWith('/') ? server.url : `${server.url}/`, close: async () => void (await server.close()) };
}

export function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS],
  });
}

/** Problems a page reported: uncaught errors, console errors, CSP violations. */
export interface PageWatch {
  errors: string[];
  console: string[];
}

export async function openPage(browser: Browser, url: string, viewport = { width: 1440, height: 900 }): Promise<{ page: Page; watch: PageWatch }> {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const watch: PageWatch = { errors: [], console: [] };
  page.on('pageerror', (error) => watch.errors.push(String(error)));
  page.on('console', (message) => {
    watch.console.push(`${message.type()}: ${message.text()}`);
    if (message.type() === 'error') watch.errors.push(`console: ${message.text()}`);
  });
  // CSP violations are reported to the page as events; record them in the page, read them later.
  await page.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.goto(url);
  return { page, watch };
}

/** Wait until the viewer shows `view` ('overview' or 'cluster:<id>'). */
export async function waitForView(page: Page, view: string, timeout = 30_000): Promise<void> {
  await page.waitForFunction((v) => document.body.dataset.view === v, view, { timeout });
}

export function artifact(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}
