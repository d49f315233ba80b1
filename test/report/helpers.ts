/** What the report tests share: a build into a temp folder, the report CLI, and a listing of a folder tree. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ROOT, runCli } from '../helpers/cli.ts';

export { ROOT, runCli };
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function tempDir(name: string): string {
  return mkdtempSync(join(tmpdir(), `sybilscope-${name}-`));
}

/** `sybilscope build` with input paths relative to the repository, so outputs name them the same everywhere. */
export async function buildRun(out: string, events: string, accounts: string | null, ...flags: string[]): Promise<void> {
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    const r = await runCli(['build', '--events', events, ...(accounts ? ['--accounts', accounts] : []), '--seed', '1', '--out', out, '--quiet', ...flags]);
    if (r.code !== 0) throw new Error(`sybilscope build failed (${r.code}): ${r.stderr}`);
  } finally {
    process.chdir(cwd);
  }
}

export async function report(out: string, ...flags: string[]) {
  return runCli(['report', out, '--quiet', ...flags]);
}

/** Every file under `dir`, relative, with the SHA-256 of its bytes. */
export function tree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else files.set(relative(dir, p), createHash('sha256').update(readFileSync(p)).digest('hex'));
    }
  };
  if (statSync(dir).isDirectory()) walk(dir);
  return files;
}

/** Names OUT/reports/ may hold: made from cluster ids and fixed names only. */
export const REPORT_FILE = /^(index\.html|graph\.gexf|graph\.graphml|c_[0-9a-f]{10}(\.html|\.md|\.json|-members\.csv|\.stix\.json|\.pdf))$/;
