import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden, stableSummary } from '../helpers/golden.ts';
import { ROOT, runCli } from '../helpers/cli.ts';

const input = 'test/golden/input';
const pretty = (text: string) => JSON.stringify(JSON.parse(text), null, 2) + '\n';
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
    // The viewer's files: overview, search and one per cluster, the same set as expected.
    mkdirSync(join(expected, 'view/clusters'), { recursive: true });
    const clusterFiles = (dir: string) => readdirSync(join(dir, 'view/clusters')).filter((f) => /^c_[0-9a-f]{10}\.json$/.test(f)).sort();
    for (const name of ['view/overview.json', 'view/search.json', ...clusterFiles(out).map((f) => `view/clusters/${f}`)])
      expectGolden(join(expected, name), pretty(read(name))); // indented, so a change reads as a diff
    expect(clusterFiles(expected)).toEqual(clusterFiles(out));
  });
});
