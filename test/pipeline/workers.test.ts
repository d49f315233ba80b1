import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/generate/index.ts';
import { createRng } from '../../src/util/rng.ts';
import { runCli } from '../helpers/cli.ts';
import { stableSummary } from '../helpers/golden.ts';
import { eventsCsv } from '../ingest/parallel-helpers.ts';

const tmp = mkdtempSync(join(tmpdir(), 'sybilscope-workers-'));

/** Every file of a build, by relative path: summary.json without its run section (timings, RSS). */
function outputs(out: string): Map<string, string> {
  const names = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((n) => n.includes('.')).sort();
  return new Map(names.map((n) => [n, n === 'summary.json' ? stableSummary(readFileSync(join(out, n), 'utf8')) : readFileSync(join(out, n), 'utf8')]));
}

async function build(events: string, accounts: string, workers: number): Promise<Map<string, string>> {
  const out = join(tmp, `out-${Math.random().toString(36).slice(2)}`);
  const r = await runCli(['build', '--events', events, '--accounts', accounts, '--out', out, '--seed', '3', '--workers', String(workers), '--quiet']);
  expect(r.code, r.stderr).toBe(0);
  return outputs(out);
}

describe('build --workers N', () => {
  const data = join(tmp, 'data');

  beforeAll(async () => {
    await generate({ out: data, seed: 21, events: 5000, malformedRate: 0.03 });
  });

  for (const [name, events] of [
    ['a generated log with malformed rows', () => join(data, 'events.jsonl')],
    ['CSV events with quoted line breaks', () => {
      const file = join(tmp, 'events.csv');
      writeFileSync(file, eventsCsv(readFileSync(join(data, 'events.jsonl'), 'utf8'), createRng(8)));
      return file;
    }],
    ['gzip', () => {
      const file = join(tmp, 'events.jsonl.gz');
      writeFileSync(file, gzipSync(readFileSync(join(data, 'events.jsonl'))));
      return file;
    }],
  ] as const) {
    it(`writes byte-identical outputs for 1, 2 and 3 workers: ${name}`, async () => {
      const file = events();
      const one = await build(file, join(data, 'accounts.csv'), 1);
      expect(one.get('rejected.jsonl')!.split('\n').length).toBeGreaterThan(50);
      const rows = JSON.parse(one.get('summary.json')!).rows;
      for (const f of rows.files) expect(f.read).toBe(f.accepted + f.rejected + f.blank);
      for (const workers of [2, 3]) {
        const many = await build(file, join(data, 'accounts.csv'), workers);
        expect([...many.keys()]).toEqual([...one.keys()]);
        for (const [n, text] of one) expect(many.get(n), `${n} with ${workers} workers`).toBe(text);
      }
    });
  }

  it('stops on a bad input with one line and no pool left running', async () => {
    const bad = join(tmp, 'bad.csv');
    writeFileSync(bad, 'nothing,useful\n1,2\n');
    const r = await runCli(['build', '--events', join(data, 'events.jsonl'), '--accounts', bad, '--out', join(tmp, 'bad-out'), '--workers', '2', '--quiet']);
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('bad.csv:1');
  });
});
