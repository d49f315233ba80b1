import { appendFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigSchema } from '../../src/config/schema.ts';
import { generate } from '../../src/generate/index.ts';
import { link } from '../../src/link/index.ts';
import { packTables } from '../../src/link/packed-tables.ts';
import { emittedPairs, PARALLEL_MIN_PAIRS } from '../../src/link/project.ts';
import { runCli } from '../helpers/cli.ts';
import { stableSummary } from '../helpers/golden.ts';
import { readLog } from './read-log.ts';

const tmp = mkdtempSync(join(tmpdir(), 'sybilscope-link-build-'));

/**
 * A projection big enough on a small log to go to worker threads: cliques on
 * every value however large, no hubs among IPs, prefixes and user agents, and
 * 1,500 extra keys of one SDK (a million pairs of supporting evidence) beside
 * the generated log's.
 */
const NO_HUB = { maxAccounts: 1_000_000 };
const BIG_PROJECTION = { projection: { maxCliqueKeys: 100_000 }, evidence: { ip: NO_HUB, prefix: NO_HUB, user_agent: NO_HUB } };
const sdkKeys = Array.from({ length: 1500 }, (_, i) =>
  JSON.stringify({
    timestamp: `2026-11-0${2 + (i % 5)}T10:00:00Z`,
    key_id: `sk-sdk${String(i).padStart(4, '0')}`,
    account_id: `acct_sdk${Math.floor(i / 3)}`,
    ip: `100.64.${i % 7}.${i % 50}`,
    user_agent: 'bulk-sdk/1.0',
  }),
);

const files = (out: string) => [
  'clusters.json',
  'assignments.csv',
  'edges.jsonl',
  'graph.json',
  ...readdirSync(join(out, 'view'), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.json'))
    .map((name) => join('view', name))
    .sort(),
];

describe('build with the projection on worker threads', () => {
  const data = join(tmp, 'data');
  const configFile = join(tmp, 'config.json');

  beforeAll(async () => {
    await generate({ out: data, seed: 9, events: 6000 });
    appendFileSync(join(data, 'events.jsonl'), sdkKeys.join('\n') + '\n');
    writeFileSync(configFile, JSON.stringify(BIG_PROJECTION));
  }, 60_000);

  it('the config used here does send the projection to threads on this log', async () => {
    const cfg = ConfigSchema.parse(BIG_PROJECTION);
    const { data: log, templates } = await readLog(data);
    const { tables } = link(log, cfg, templates);
    const { maxCliqueKeys, sparseDegree } = cfg.projection;
    const params = { nodes: log.keys.length, types: 8, maxCliqueKeys, sparseDegree, multiplier: cfg.coactivity.multiplier };
    expect(emittedPairs(packTables(tables, cfg), params)).toBeGreaterThanOrEqual(PARALLEL_MIN_PAIRS);
  });

  it('writes byte-identical outputs with --workers 1 and --workers 2', async () => {
    const outs: string[] = [];
    for (const workers of [1, 2]) {
      const out = join(tmp, `out-${workers}`);
      const args = ['build', '--events', join(data, 'events.jsonl'), '--accounts', join(data, 'accounts.csv'), '--config', configFile];
      const r = await runCli([...args, '--out', out, '--seed', '5', '--workers', String(workers), '--quiet']);
      expect(r.code, r.stderr).toBe(0);
      outs.push(out);
    }
    const [one, two] = outs;
    expect(files(two)).toEqual(files(one));
    for (const name of files(one)) expect(readFileSync(join(two, name), 'utf8'), name).toBe(readFileSync(join(one, name), 'utf8'));
    expect(stableSummary(readFileSync(join(two, 'summary.json'), 'utf8'))).toBe(stableSummary(readFileSync(join(one, 'summary.json'), 'utf8')));
  }, 120_000);
});
