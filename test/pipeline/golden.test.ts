import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { expectGolden, stableSummary } from '../helpers/golden.ts';
import { ROOT, runCli } from '../helpers/cli.ts';

const input = 'test/golden/input';
const expected = join(ROOT, 'test/golden/expected');

describe('golden outputs of a hand-made log', () => {
  it('matches every output file', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'sybilscope-golden-')), 'out');
    // Relative input paths, so file names inside the outputs do not depend on the machine.
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
      await runCli(['build', '--events', `${input}/events.jsonl`, '--accounts', `${input}/accounts.csv`, '--out', out, '--quiet']);
    } finally {
      process.chdir(cwd);
    }
    const read = (name: string) => readFileSync(join(out, name), 'utf8');
    for (const name of ['clusters.json', 'assignments.csv', 'edges.jsonl', 'graph.json', 'templates.json', 'rejected.jsonl', 'manifest.json'])
      expectGolden(join(expected, name), read(name));
    expectGolden(join(expected, 'summary.json'), stableSummary(read('summary.json')));
  });
});
