/**
 * The quality bar on the project's own generated data, pinned at small
 * scale: every malicious group recovered with F1 ≥ 0.95 and ranked above
 * every benign look-alike.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateRun } from '../../src/evaluate/index.ts';
import { generate } from '../../src/generate/index.ts';
import { runCli } from '../helpers/cli.ts';

describe.each([1, 2])('generated data, seed %i', (seed) => {
  it('recovers every malicious group and ranks it above the benign look-alikes', async () => {
    const dir = mkdtempSync(join(tmpdir(), `sybilscope-eval-${seed}-`));
    await generate({ out: dir, seed, events: 20_000 });
    const out = join(dir, 'out');
    const r = await runCli(['build', '--events', join(dir, 'events.jsonl'), '--accounts', join(dir, 'accounts.csv'), '--out', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const evaluation = await evaluateRun(out, join(dir, 'truth.json'));
    const malicious = evaluation.groups.filter((g) => g.kind === 'malicious');
    const benign = evaluation.groups.filter((g) => g.kind === 'benign');
    expect(malicious.map((g) => g.name).sort()).toEqual(['covert-ring', 'distillation-ring']);
    for (const g of malicious) expect(g.f1, g.name).toBeGreaterThanOrEqual(0.95);
    const worstMalicious = Math.max(...malicious.map((g) => g.rank!));
    for (const g of benign) if (g.rank !== null) expect(g.rank, g.name).toBeGreaterThan(worstMalicious);
    expect(evaluation.maliciousAboveBenign).toBe(true);
  });
});

describe('the bundled sample', () => {
  it('meets the same bar', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'sybilscope-sample-')), 'out');
    const root = new URL('../../', import.meta.url).pathname;
    await runCli(['build', '--events', join(root, 'data/sample/events.jsonl'), '--accounts', join(root, 'data/sample/accounts.csv'), '--out', out, '--quiet']);
    const evaluation = await evaluateRun(out, join(root, 'data/sample/truth.json'));
    for (const g of evaluation.groups.filter((x) => x.kind === 'malicious')) expect(g.f1, g.name).toBeGreaterThanOrEqual(0.95);
    expect(evaluation.maliciousAboveBenign).toBe(true);
  });
});
