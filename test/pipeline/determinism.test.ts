import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/generate/index.ts';
import { createRng, shuffle } from '../../src/util/rng.ts';
import { runCli } from '../helpers/cli.ts';
import { stableSummary } from '../helpers/golden.ts';

const tmp = mkdtempSync(join(tmpdir(), 'sybilscope-det-'));
const BUILD_FILES = ['clusters.json', 'assignments.csv', 'edges.jsonl', 'graph.json'];
/** The build files and every file of view/ (overview, search, one per cluster), by name. */
const files = (out: string) => [
  ...BUILD_FILES,
  ...readdirSync(join(out, 'view'), { recursive: true, encoding: 'utf8' })
    .map((name) => join('view', name))
    .filter((name) => name.endsWith('.json'))
    .sort(),
];

async function buildInto(dir: string, events: string, accounts: string, seed = 5): Promise<string> {
  const out = join(dir, 'out');
  const r = await runCli(['build', '--events', events, '--accounts', accounts, '--out', out, '--seed', String(seed), '--quiet']);
  expect(r.code, r.stderr).toBe(0);
  return out;
}

/** summary.json without the run section and without input paths. */
function comparableSummary(out: string): string {
  const s = JSON.parse(stableSummary(readFileSync(join(out, 'summary.json'), 'utf8')));
  for (const f of s.rows.files) delete f.file;
  return JSON.stringify(s);
}

describe('determinism', () => {
  const data = join(tmp, 'data');
  let first: string;

  beforeAll(async () => {
    await generate({ out: data, seed: 9, events: 6000 });
    first = await buildInto(join(tmp, 'a'), join(data, 'events.jsonl'), join(data, 'accounts.csv'));
  });

  it('gives byte-identical outputs for rows in any order', async () => {
    const rng = createRng(123);
    const dir = join(tmp, 'shuffled');
    mkdirSync(dir);
    // Every line moves, blank ones included; only the final newline stays last.
    const lines = readFileSync(join(data, 'events.jsonl'), 'utf8').replace(/\n$/, '').split('\n');
    writeFileSync(join(dir, 'events.jsonl'), shuffle(rng, lines).join('\n') + '\n');
    const [header, ...rows] = readFileSync(join(data, 'accounts.csv'), 'utf8').replace(/\n$/, '').split('\n');
    writeFileSync(join(dir, 'accounts.csv'), [header, ...shuffle(rng, rows)].join('\n') + '\n');
    const second = await buildInto(dir, join(dir, 'events.jsonl'), join(dir, 'accounts.csv'));
    expect(files(second)).toEqual(files(first));
    for (const name of files(first)) expect(readFileSync(join(second, name), 'utf8'), name).toBe(readFileSync(join(first, name), 'utf8'));
    expect(comparableSummary(second)).toBe(comparableSummary(first));
    expect(JSON.parse(readFileSync(join(first, 'clusters.json'), 'utf8')).clusters.length).toBeGreaterThan(5);
  });

  it('reads gzip input to the same result as plain', async () => {
    const dir = join(tmp, 'gz');
    mkdirSync(dir);
    writeFileSync(join(dir, 'events.jsonl.gz'), gzipSync(readFileSync(join(data, 'events.jsonl'))));
    const out = await buildInto(dir, join(dir, 'events.jsonl.gz'), join(data, 'accounts.csv'));
    for (const name of files(first)) expect(readFileSync(join(out, name), 'utf8'), name).toBe(readFileSync(join(first, name), 'utf8'));
  });

  it('is repeatable: the same input and seed give the same files', async () => {
    const again = await buildInto(join(tmp, 'again'), join(data, 'events.jsonl'), join(data, 'accounts.csv'));
    for (const name of files(first)) expect(readFileSync(join(again, name), 'utf8')).toBe(readFileSync(join(first, name), 'utf8'));
  });
});
