import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.ts';

/** bin/sybilscope.js re-runs build and attribute with a bigger heap: exit codes and output must come through. */
const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, [join(ROOT, 'bin/sybilscope.js'), ...args], { encoding: 'utf8', cwd: ROOT, env: { ...process.env, ...env } });

describe('bin/sybilscope.js heap limit', () => {
  it('passes a usage error and its exit code through the re-run', () => {
    const r = run(['build', '--bogus']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('--bogus');
  });

  it('passes stdout through, and runs without a re-run when a heap limit is given', () => {
    for (const env of [{}, { NODE_OPTIONS: '--max-old-space-size=1024' }]) {
      const r = run(['build', '--help'], env);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('sybilscope build');
    }
  });

  it('gives build 3/4 of the machine memory as heap and a 64 MiB semi-space (summary.json records the limit)', () => {
    const out = mkdtempSync(join(tmpdir(), 'sybilscope-heap-'));
    try {
      const r = run(['build', '--events', 'data/sample/events.jsonl', '--out', out, '--quiet', '--workers', '1']);
      expect(r.status).toBe(0);
      const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
      expect(summary.run.heap_limit_bytes).toBeGreaterThan(totalmem() * 0.75 * 0.9);
      // V8's limit is the old generation's plus three semi-spaces: 3 × 64 MiB with the re-run's nursery, 3 × 16 by default.
      const oldMiB = Math.floor((totalmem() * 0.75) / 2 ** 20);
      expect(summary.run.heap_limit_bytes).toBeGreaterThanOrEqual((oldMiB + 3 * 64) * 2 ** 20);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});
