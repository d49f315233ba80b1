/**
 * --source clickhouse against a real two-shard cluster (two clickhouse-server
 * processes on 127.0.0.1, a Distributed table sharding rows by a hash of
 * key_id): the generated sample built from the cluster gives the file path's
 * clusters byte for byte; rejected rows add up and carry the file path's
 * reasons; the SQL row contract agrees with src/ingest cell by cell;
 * credentials come only from the environment; failures are one line.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flagsOf } from '../../src/cli/command.ts';
import { DEFAULT_CONFIG } from '../../src/config/schema.ts';
import { BuildOptionsSchema } from '../../src/cli/commands/build.ts';
import { timestampMs } from '../../src/ingest/timestamp.ts';
import { makeValidator } from '../../src/ingest/validate.ts';
import { EVENT_ROLES } from '../../src/model.ts';
import { runCli, runProcess } from '../helpers/cli.ts';
import { startCluster, type LocalCluster } from './local-cluster.ts';
import { client, createTables, loadAccounts, loadEvents, type LoadCounts } from './load.ts';
import { EDGE_ROWS } from './edge-cases.ts';
import { describe as describeTable, roleTexts } from '../../src/source/clickhouse/columns.ts';
import { eventsSql, promptRankSql } from '../../src/source/clickhouse/events-sql.ts';
import { promptRank } from '../../src/templates/sampler.ts';

/** Cluster start, generation and loading, or the two builds, on a busy machine. */
const HOOK_MS = 300_000;

const tmp = mkdtempSync(join(tmpdir(), 'sybilscope-ch-test-'));
const data = join(tmp, 'data');
let cluster: LocalCluster;
let url: string;
let loaded: { events: LoadCounts; accounts: LoadCounts };

const chFlags = (out: string, extra: string[] = []) => [
  'build', '--source', 'clickhouse', '--clickhouse-url', url, '--database', 'sybil',
  '--events-table', 'events', '--accounts-table', 'accounts', '--clickhouse-row-id', 'row', '--out', out, '--quiet', ...extra,
];

beforeAll(async () => {
  cluster = await startCluster(2);
  url = cluster.urls[0];
  const generated = await runCli(['generate', '--out', data, '--events', '20000', '--seed', '3']);
  expect(generated.code).toBe(0);
  await createTables(cluster.urls, 'sybil');
  loaded = {
    events: await loadEvents(url, 'sybil', join(data, 'events.jsonl')),
    accounts: await loadAccounts(url, 'sybil', join(data, 'accounts.csv')),
  };
}, HOOK_MS);

afterAll(async () => {
  await cluster?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

const json = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
const lines = (file: string) => readFileSync(file, 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));

describe('two-shard cluster', () => {
  it('spreads the events over both shards by key, and the Distributed table sees them all', async () => {
    const perShard = [];
    for (const u of cluster.urls) {
      perShard.push(await counts(u, 'sybil.events_local'));
    }
    expect(perShard.every((s) => s.n > 0)).toBe(true);
    const all = await counts(url, 'sybil.events');
    expect(all.n).toBe(loaded.events.loaded);
    expect(perShard[0].n + perShard[1].n).toBe(all.n);
    expect(perShard[0].keys + perShard[1].keys).toBe(all.keys); // no key on both shards
  });
});

describe('build --source clickhouse', () => {
  const fileOut = join(tmp, 'out-files');
  const chOut = join(tmp, 'out-clickhouse');

  beforeAll(async () => {
    const files = await runCli(['build', '--events', join(data, 'events.jsonl'), '--accounts', join(data, 'accounts.csv'), '--out', fileOut, '--quiet']);
    expect(files.stderr).toBe('');
    const ch = await runCli(chFlags(chOut));
    expect(ch.stderr).toBe('');
    expect(ch.code).toBe(0);
  }, HOOK_MS);

  it('gives the file path’s clusters, edges, templates and assignments byte for byte', () => {
    for (const file of ['clusters.json', 'assignments.csv', 'edges.jsonl', 'graph.json', 'templates.json']) {
      expect(readFileSync(join(chOut, file), 'utf8'), file).toBe(readFileSync(join(fileOut, file), 'utf8'));
    }
    expect(json(join(chOut, 'clusters.json')).clusters.length).toBeGreaterThan(10);
  });

  it('counts rows so that read = accepted + rejected + blank, rejecting what the file path rejects', () => {
    const byKind = (dir: string) => Object.fromEntries(json(join(dir, 'summary.json')).rows.files.map((f: { kind: string }) => [f.kind, f]));
    const files = byKind(fileOut);
    const ch = byKind(chOut);
    for (const kind of ['events', 'accounts'] as const) {
      const c = ch[kind];
      const f = files[kind];
      const l = loaded[kind];
      expect(c.read).toBe(c.accepted + c.rejected + c.blank);
      expect(c.read).toBe(l.loaded);
      expect(c.accepted).toBe(f.accepted);
      // Rows a table of text columns cannot hold never reach ClickHouse; the file path rejects them all.
      expect(c.rejected + l.notLoaded).toBe(f.rejected);
      expect(c.blank + l.blank).toBe(f.blank);
    }
    expect(ch.events.rejected).toBeGreaterThan(50);
  });

  it('samples rejected rows back with table, row id and the file path’s reason', () => {
    const fromFiles = new Map(lines(join(fileOut, 'rejected.jsonl')).filter((r) => r.file.endsWith('events.jsonl')).map((r) => [r.line, r.reason]));
    const fromCh = lines(join(chOut, 'rejected.jsonl')).filter((r) => r.file === 'sybil.events');
    const summary = json(join(chOut, 'summary.json')).rows.files.find((f: { kind: string }) => f.kind === 'events');
    expect(fromCh.length).toBe(summary.rejected); // under the per-reason bound, all of them
    const what = (reason: string) => reason.replace(/\s*\(.*$/, ''); // a number cell reads as text in ClickHouse: ("-12") for (-12)
    for (const r of fromCh) expect(what(r.reason), `row ${r.line}`).toBe(what(fromFiles.get(r.line)));
    const source = json(join(chOut, 'source.json'));
    expect(Object.values(source.rejected_by_reason).reduce((a: number, b) => a + (b as number), 0)).toBe(summary.rejected);
  });

  it('brings back less than the input holds, and says how much', () => {
    const source = json(join(chOut, 'source.json'));
    expect(source.server_version).toMatch(/^\d+\./);
    expect(source.bytes_received).toBe(source.queries.reduce((a: number, q: { bytes: number }) => a + q.bytes, 0));
  });

  it('sends each key’s prompts of the k smallest ranks only, not every distinct prompt', async () => {
    const source = json(join(chOut, 'source.json'));
    const sent = source.queries.find((q: { name: string }) => q.name === 'prompts').rows;
    const keys = json(join(chOut, 'summary.json')).keys;
    const [{ pairs }] = (await client(url).all('pairs', "SELECT count() AS pairs FROM (SELECT key_id, prompt FROM sybil.events WHERE prompt != '' GROUP BY key_id, prompt)")) as Array<{ pairs: string }>;
    const k = DEFAULT_CONFIG.templates.maxPromptsPerKey;
    expect(sent).toBeLessThanOrEqual(k * keys);
    expect(sent).toBeLessThan(Number(pairs) * 0.8); // the bound bites on this sample
  });
});

describe('the prompt rank in SQL', () => {
  it('equals the sampler’s rank, mix32(murmur3(UTF-8), seed), for any text and seed', async () => {
    const c = client(url);
    const texts = ['', 'a', 'ab', 'abc', 'abcd', 'hello', 'Think step by step and show all your reasoning.', 'héllo wörld', '東京で', '🎉 emoji 👩‍💻', "quotes ' \" \\ and\ttabs\nnewlines", '\u0000\u0001 control', 'x'.repeat(10_000)];
    await c.exec('CREATE TABLE sybil.rank_texts (id UInt32, s String) ENGINE = Memory');
    try {
      await c.exec('INSERT INTO sybil.rank_texts FORMAT JSONEachRow', texts.map((s, id) => JSON.stringify({ id, s })).join('\n'));
      for (const seed of [0, 1, 42, 2 ** 32 - 1]) {
        const got = (await c.all('ranks', `SELECT id, ${promptRankSql('s', seed, 'rank')} FROM sybil.rank_texts ORDER BY id`)) as Array<{ id: number; rank: string }>;
        expect(got.map((r) => Number(r.rank)), `seed ${seed}`).toEqual(texts.map((t) => promptRank(t, seed)));
      }
    } finally {
      await c.exec('DROP TABLE sybil.rank_texts');
    }
  });
});

describe('the SQL row contract', () => {
  it('accepts and rejects edge-case cells exactly as src/ingest does, with the same timestamps', async () => {
    const c = client(url);
    await c.exec('CREATE TABLE sybil.edge (`row` UInt64, ' + EVENT_ROLES.map((r) => `\`${r}\` Nullable(String)`).join(', ') + ') ENGINE = MergeTree() ORDER BY `row`');
    await c.exec('INSERT INTO sybil.edge FORMAT JSONEachRow', EDGE_ROWS.map((r, i) => JSON.stringify({ row: i + 1, ...r })).join('\n'));
    const out = join(tmp, 'out-edge');
    const result = await runCli(['build', '--source', 'clickhouse', '--clickhouse-url', url, '--database', 'sybil', '--events-table', 'edge', '--clickhouse-row-id', 'row', '--out', out, '--quiet']);
    expect(result.stderr).toBe('');
    const validate = makeValidator('events', EVENT_ROLES, {});
    // A row of nothing but NULLs is blank in a table (as a Parquet row of nulls is), not rejected.
    const isBlank = (r: (typeof EDGE_ROWS)[number]) => Object.values(r).every((v) => v === null);
    const expected = EDGE_ROWS.map((r, i) => ({ row: i + 1, reason: isBlank(r) ? null : validate({ ...r }, {}) }));
    const rejected = new Map(lines(join(out, 'rejected.jsonl')).map((r) => [r.line, r.reason]));
    for (const e of expected) expect(rejected.get(e.row) ?? null, `row ${e.row}: ${JSON.stringify(EDGE_ROWS[e.row - 1])}`).toBe(e.reason);
    // Each accepted row has a key of its own: its first and last seen are the timestamp the SQL computed.
    const types = await describeTable(c, 'sybil', 'edge');
    const sql = eventsSql({ table: 'sybil.edge', texts: roleTexts('edge', types, EVENT_ROLES, {}, ['key_id']), rowId: 'NULL', windowMs: 600_000, maxPromptsPerKey: 8, seed: DEFAULT_CONFIG.templates.seed });
    const computed = new Map<string, number>();
    await c.each('totals', sql.totals, (r) => {
      // ClickHouse quotes 64-bit integers in JSON
      const t = r as { s_key_id: string; first_ms: string; last_ms: string };
      expect(t.first_ms).toBe(t.last_ms);
      computed.set(t.s_key_id, Number(t.first_ms));
    });
    let checked = 0;
    EDGE_ROWS.forEach((r, i) => {
      if (expected[i].reason !== null || r.key_id !== `edge-${i + 1}`) return;
      expect(computed.get(r.key_id), JSON.stringify(r.timestamp)).toBe(timestampMs(r.timestamp!.trim()));
      checked++;
    });
    expect(checked).toBeGreaterThan(20);
  });
});

describe('credentials and errors', () => {
  it('has no flag for a user or password, and refuses a URL that holds one', async () => {
    const flags = flagsOf(BuildOptionsSchema).map((f) => f.flag);
    expect(flags.filter((f) => /pass|user|key$|secret|token/.test(f))).toEqual([]);
    const result = await runCli(['build', '--source', 'clickhouse', '--clickhouse-url', 'http://default:hunter2@127.0.0.1:8123', '--database', 'sybil', '--events-table', 'events', '--out', join(tmp, 'x')]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/SYBILSCOPE_CLICKHOUSE_PASSWORD/);
    expect(result.stderr).not.toMatch(/hunter2/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('sends the environment’s credentials (a wrong password is refused by the server, in one line)', async () => {
    const result = await withEnv({ SYBILSCOPE_CLICKHOUSE_USER: 'default', SYBILSCOPE_CLICKHOUSE_PASSWORD: 'wrong-password' }, () => runCli(chFlags(join(tmp, 'x'))));
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/clickhouse: code 19[0-9]:.*password/i);
    expect(result.stderr).not.toMatch(/wrong-password/);
  });

  it('works for a read-only user (readonly = 1: no settings, so no gzip)', async () => {
    // The stock users.xml of the Debian package has a user `readonly` (profile readonly = 1, 127.0.0.1).
    const out = join(tmp, 'out-readonly');
    const args = ['build', '--source', 'clickhouse', '--clickhouse-url', url, '--database', 'sybil', '--events-table', 'edge', '--clickhouse-row-id', 'row', '--out', out, '--quiet'];
    const r = await withEnv({ SYBILSCOPE_CLICKHOUSE_USER: 'readonly' }, () => runCli(args));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(join(out, 'rejected.jsonl'), 'utf8')).toBe(readFileSync(join(tmp, 'out-edge', 'rejected.jsonl'), 'utf8'));
  });

  it('stops with one line, no stack trace, when the server cannot be reached', async () => {
    const port = await closedPort();
    const result = runProcess(['build', '--source', 'clickhouse', '--clickhouse-url', `http://127.0.0.1:${port}`, '--database', 'sybil', '--events-table', 'events', '--out', join(tmp, 'x')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^sybilscope build: clickhouse: cannot reach http://127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)`));
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('stops with one line for a missing table or a name that is not an identifier', async () => {
    const missing = await runCli(chFlags(join(tmp, 'x')).map((a) => (a === 'events' ? 'no_such_table' : a)));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^sybilscope build: clickhouse: code 60: Table sybil\.no_such_table doesn't exist/);
    const injected = await runCli(chFlags(join(tmp, 'x')).map((a) => (a === 'events' ? 'events`; DROP TABLE x' : a)));
    expect(injected.code).toBe(2);
    expect(injected.stderr).toMatch(/--events-table must be a plain identifier/);
  });

  it('needs --events for files and the table flags for ClickHouse', async () => {
    expect((await runCli(['build', '--out', join(tmp, 'x')])).stderr).toMatch(/--events is required/);
    expect((await runCli(['build', '--source', 'clickhouse', '--clickhouse-url', url, '--out', join(tmp, 'x')])).stderr).toMatch(/--database is required/);
  });
});

/** A port nothing listens on (taken and released). */
async function closedPort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Rows and distinct keys of a table (ClickHouse quotes 64-bit integers in JSON). */
async function counts(at: string, table: string): Promise<{ n: number; keys: number }> {
  const [row] = (await client(at).all('count', `SELECT count() AS n, uniqExact(key_id) AS keys FROM ${table}`)) as Array<{ n: string; keys: string }>;
  return { n: Number(row.n), keys: Number(row.keys) };
}

/** Runs `fn` with these variables set in process.env, restoring them after (credentials come only from there). */
async function withEnv<T>(vars: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}
