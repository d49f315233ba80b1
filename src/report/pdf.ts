/**
 * HTML reports to PDF with headless Chromium (playwright-core, the system's
 * Chromium). Pages are loaded with setContent, JavaScript off, offline, and
 * every request the page tries is aborted: a report renders from its own
 * bytes only.
 */
import { readFile } from 'node:fs/promises';
import { CHROMIUM_ARGS } from '../util/chromium.ts';
import { UserError } from '../util/errors.ts';

export interface PdfJob {
  html: string;
  pdf: string;
}

export async function renderPdfs(jobs: PdfJob[], executablePath: string, onDone?: (done: number) => void): Promise<void> {
  if (jobs.length === 0) return;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] }).catch((error: Error) => {
    throw new UserError('E_PDF', `cannot start Chromium at ${executablePath} (${error.message.split('\n')[0]}); install it (apt-get install -y chromium) or pass --chromium PATH`);
  });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    await context.route('**/*', (route) => route.abort());
    const page = await context.newPage();
    let done = 0;
    for (const job of jobs) {
      await page.setContent(await readFile(job.html, 'utf8'), { waitUntil: 'load' });
      await page.pdf({ path: job.pdf, format: 'A4', printBackground: true, margin: { top: '14mm', bottom: '14mm', left: '12mm', right: '12mm' } });
      onDone?.(++done);
    }
    await context.close();
  } finally {
    await browser.close();
  }
}
