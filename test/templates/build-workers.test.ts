/**
 * The build gives the same files for any --workers: on a generated log large
 * enough that the miner uses every worker it is given (over 15,000 sampled
 * prompts), templates.json and every other output are byte-identical for
 * 1, 2 and 3 workers, with and without a total prompt budget that binds.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/generate/index.ts';
import { runCli } from '../helpers/cli.ts';
import { stableSummary } from '../helpers/golden.ts';

const tmp = mkdtempSync(join(tmpdir(), 'sybilscope-tpl-workers-'));
const data = join(tmp, 'data');

/** Every output file but summary.json (its run section has timings), by name. */
const outputs = (out: string) =>
  readdirSync(out, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(json|jsonl|csv)$/.test(name) && name !== 'summary.json')
    .sort();

async function build(name: string, workers: number, config?: string): Promise<string> {
  const out = join(tmp, name);
  const flags = config ? ['--config', config] : [];
  const r = await runCli(['build', '--events', join(data, 'events.jsonl'), '--accounts', join(data, 'accounts.csv'), '--out', out, '--quiet', '--workers', String(workers), ...flags]);
  expect(r.code, r.stderr).toBe(0);
  return out;
}

function expectSame(a: string, b: string): void {
  expect(outputs(b)).toEqual(outputs(a));
  for (const name of outputs(a)) expect(readFileSync(join(b, name), 'utf8'), name).toBe(readFileSync(join(a, name), 'utf8'));
  const summary = (out: string) => stableSummary(readFileSync(join(out, 'summary.json'), 'utf8'));
  expect(summary(b)).toBe(summary(a));
}

describe('build outputs for any number of workers', () => {
  beforeAll(async () => {
    await generate({ out: data, seed: 4, events: 50_000 });
  }, 60_000);

  it('are byte-identical for 1, 2 and 3 workers', async () => {
    const one = await build('w1', 1);
    const sampling = JSON.parse(readFileSync(join(one, 'templates.json'), 'utf8')).sampling;
    expect(sampling.prompts_sampled).toBeGreaterThan(15_000);
    for (const w of [2, 3]) expectSame(one, await build(`w${w}`, w));
  }, 180_000);

  it('are byte-identical for 1 and 3 workers under a budget that binds', async () => {
    const config = join(tmp, 'budget.json');
    writeFileSync(config, JSON.stringify({ templates: { maxPrompts: 16_000 } }));
    const one = await build('b1', 1, config);
    const sampling = JSON.parse(readFileSync(join(one, 'templates.json'), 'utf8')).sampling;
    expect(sampling.max_prompts).toBe(16_000);
    expect(sampling.prompts_sampled).toBeLessThanOrEqual(16_000);
    expectSame(one, await build('b3', 3, config));
  }, 180_000);
});
