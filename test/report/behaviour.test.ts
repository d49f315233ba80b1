/**
 * Behaviour of `sybilscope report` on a small hand-made build: privacy (no
 * prompt fillings), atomic replacement (a failed run leaves the previous
 * reports as they were), progress only on a terminal.
 */
import { appendFileSync, copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { buildRun, report, tempDir, tree } from './helpers.ts';
import { writeHostileLog } from './hostile-log.ts';

const input = ['test/golden/input/events.jsonl', 'test/golden/input/accounts.csv'] as const;
let out: string;
let privateOut: string;
let withExamples: string;

beforeAll(async () => {
  out = join(tempDir('report-small'), 'out');
  await buildRun(out, ...input);
  // The hostile log's template has example fillings (the small build's have none).
  const dir = tempDir('report-privacy');
  const log = writeHostileLog(dir);
  withExamples = join(dir, 'out');
  privateOut = join(dir, 'private');
  await buildRun(withExamples, log.events, log.accounts);
  await buildRun(privateOut, log.events, log.accounts, '--privacy');
});

const examplesOf = (dir: string) =>
  readdirSync(join(dir, 'reports'))
    .filter((f) => /^c_[0-9a-f]{10}\.json$/.test(f))
    .flatMap((f) => JSON.parse(readFileSync(join(dir, 'reports', f), 'utf8')).templates.flatMap((t: { examples: string[] }) => t.examples));

describe('privacy', () => {
  it('shows template example fillings without --privacy, and none with it', async () => {
    expect((await report(withExamples)).code).toBe(0);
    expect((await report(privateOut)).code).toBe(0);
    const examples = examplesOf(withExamples);
    expect(examples.length).toBeGreaterThan(0);
    expect(examplesOf(privateOut)).toEqual([]);
    for (const f of readdirSync(join(privateOut, 'reports')).filter((f) => /\.(html|md|json|csv)$/.test(f))) {
      const text = readFileSync(join(privateOut, 'reports', f), 'utf8');
      for (const e of examples) expect(text, f).not.toContain(e.replace(/…$/, ''));
    }
    const page = readdirSync(join(privateOut, 'reports')).find((f) => /^c_.*\.html$/.test(f))!;
    expect(readFileSync(join(privateOut, 'reports', page), 'utf8')).toContain('privacy');
  });
});

describe('--by-account', () => {
  it('refuses event files that changed since the build, and missing ones', async () => {
    const dir = tempDir('report-changed');
    const events = join(dir, 'events.jsonl');
    copyFileSync(input[0], events);
    const build = join(dir, 'out');
    await buildRun(build, events, input[1]);
    expect((await report(build, '--by-account')).code).toBe(0);
    appendFileSync(events, readFileSync(input[0], 'utf8').split('\n')[0] + '\n');
    const changed = await report(build, '--by-account');
    expect(changed.code).toBe(1);
    expect(changed.stderr).toContain('changed since the build');
    rmSync(events);
    const missing = await report(build, '--by-account');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('is missing');
    expect((await report(build)).code).toBe(0); // without the flag the inputs are not needed
  });
});

describe('atomic output', () => {
  it('a failed run leaves the previous reports as they were and no temporary folder', async () => {
    expect((await report(out)).code).toBe(0);
    const before = tree(join(out, 'reports'));
    const view = join(out, 'view/clusters', readdirSync(join(out, 'view/clusters'))[0]);
    const original = readFileSync(view, 'utf8');
    writeFileSync(view, '{"version": 1, "id": "broken"}');
    try {
      const r = await report(out);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('rebuild with sybilscope build');
    } finally {
      writeFileSync(view, original);
    }
    expect(tree(join(out, 'reports'))).toEqual(before);
    expect(readdirSync(out).filter((f) => f.includes('.tmp-') || f.includes('.old-'))).toEqual([]);
  });
});

describe('progress', () => {
  const run = async (isTTY: boolean, ...flags: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await main(['report', out, ...flags], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY });
    process.exitCode = 0;
    return { code, stdout, stderr };
  };

  it('shows stages on a terminal, nothing on stderr elsewhere, and a closing line unless --quiet', async () => {
    const tty = await run(true);
    expect(tty.code).toBe(0);
    expect(tty.stderr).toMatch(/reports · \d+\/\d+ · \d+\.\d+s/);
    expect(tty.stdout).toMatch(/^\d+ clusters? of \d+ reported · \d+ files → /);
    const pipe = await run(false);
    expect(pipe.stderr).toBe('');
    expect(pipe.stdout).toMatch(/reported/);
    const quiet = await run(true, '--quiet');
    expect(quiet.stderr + quiet.stdout).toBe('');
    expect(existsSync(join(out, 'reports/index.html'))).toBe(true);
  });
});
