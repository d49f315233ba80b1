/**
 * Benchmark of `build --source clickhouse` (not a test): generates an events
 * log (BENCH_EVENTS, default 1M, seed 1), starts a two-shard ClickHouse
 * cluster on 127.0.0.1 (test/clickhouse/local-cluster.ts), loads it through
 * the Distributed table, then builds it from ClickHouse and from the files,
 * each in its own process. Prints the SQL phases (source.json), the bytes
 * that came back against the input size, wall time and peak RSS of both
 * builds, and whether clusters.json is byte-identical. Both builds use
 * --workers BENCH_WORKERS (default 1).
 *   node --import tsx bench/clickhouse.ts
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startCluster } from '../test/clickhouse/local-cluster.ts';
import { request } from 'node:http';
import { createTables, loadAccounts, loadEvents } from '../test/clickhouse/load.ts';
import { describe, roleTexts, tableRef } from '../src/source/clickhouse/columns.ts';
import { eventsSql } from '../src/source/clickhouse/events-sql.ts';
import { ClickHouseClient } from '../src/source/clickhouse/http.ts';
import { ClickHouseSourceSchema } from '../src/source/clickhouse/options.ts';
import { DEFAULT_CONFIG } from '../src/config/schema.ts';
import { EVENT_ROLES } from '../src/model.ts';

/** Bytes on the wire of one query's JSONEachRow result with gzip, as the build receives it. */
function wireBytes(url: string, sql: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const u = new URL('/?enable_http_compression=1&output_format_json_quote_64bit_integers=0', url);
    const req = request(u, { method: 'POST', headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
      let n = 0;
      res.on('data', (d: Buffer) => (n += d.length));
      res.on('end', () => resolve(n));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(`${sql}\nFORMAT JSONEachRow`);
  });
}

const root = new URL('..', import.meta.url).pathname;
const events = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const bin = join(root, 'bin/sybilscope.js');
/** Worker threads of both builds (BENCH_WORKERS, default 1: the same for both, and steady on a shared machine). */
const workers = process.env.BENCH_WORKERS ?? '1';
const dir = join(root, 'bench/.data', String(events));
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

if (!existsSync(join(dir, 'truth.json'))) {
  execFileSync('node', [bin, 'generate', '--out', dir, '--events', String(events), '--seed', '1'], { stdio: 'inherit' });
}
const eventsFile = join(dir, 'events.jsonl');
const accountsFile = join(dir, 'accounts.csv');
const inputBytes = statSync(eventsFile).size + statSync(accountsFile).size;

const cluster = await startCluster(2);
try {
  const url = cluster.urls[0];
  await createTables(cluster.urls, 'sybil');
  let t = performance.now();
  const loaded = await loadEvents(url, 'sybil', eventsFile);
  await loadAccounts(url, 'sybil', accountsFile);
  console.error(`loaded ${loaded.loaded} events into 2 shards in ${secs(performance.now() - t)}`);

  const build = (args: string[], out: string) => {
    const started = performance.now();
    execFileSync('node', [bin, 'build', ...args, '--out', out, '--quiet', '--workers', workers], { stdio: 'inherit' });
    const wall = performance.now() - started;
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    return { wall, summary };
  };
  const chOut = join(dir, 'out-clickhouse');
  const fileOut = join(dir, 'out-files');
  const ch = build(
    ['--source', 'clickhouse', '--clickhouse-url', url, '--database', 'sybil', '--events-table', 'events', '--accounts-table', 'accounts', '--clickhouse-row-id', 'row'],
    chOut,
  );
  const files = build(['--events', eventsFile, '--accounts', accountsFile], fileOut);
  const source = JSON.parse(readFileSync(join(chOut, 'source.json'), 'utf8'));
  const same = readFileSync(join(chOut, 'clusters.json'), 'utf8') === readFileSync(join(fileOut, 'clusters.json'), 'utf8');

  console.log(`events: ${events} generated (${loaded.loaded} rows in ClickHouse), input ${mib(inputBytes)}, ClickHouse ${source.server_version}, 2 shards`);
  console.log('| query | time | rows back | bytes back |');
  console.log('| --- | --- | --- | --- |');
  for (const q of source.queries) console.log(`| ${q.name} | ${secs(q.ms)} | ${q.rows} | ${mib(q.bytes)} |`);
  const c = new ClickHouseClient(ClickHouseSourceSchema.parse({ kind: 'clickhouse', url, database: 'sybil', eventsTable: 'events' }));
  const texts = roleTexts('events', await describe(c, 'sybil', 'events'), EVENT_ROLES, {}, ['key_id']);
  const sql = eventsSql({ table: tableRef('sybil', 'events'), texts, rowId: '`row`', windowMs: 600_000, maxPromptsPerKey: 8, seed: DEFAULT_CONFIG.templates.seed });
  let wire = 0;
  for (const name of ['counts', 'totals', 'hours', 'accounts', 'userAgents', 'ips', 'prompts'] as const) {
    const n = await wireBytes(url, sql[name]);
    wire += n;
    console.log(`gzip on the wire, ${name}: ${mib(n)}`);
  }
  console.log(`gzip on the wire, events queries but the rejected sample: ${mib(wire)} = ${((100 * wire) / inputBytes).toFixed(1)}% of the input`);
  const sqlMs = source.queries.reduce((a: number, q: { ms: number }) => a + q.ms, 0);
  console.log(`SQL phases ${secs(sqlMs)}; bytes back ${mib(source.bytes_received)} = ${((100 * source.bytes_received) / inputBytes).toFixed(1)}% of the input`);
  for (const [name, b] of [['clickhouse', ch], ['files', files]] as const) {
    const stages = Object.entries(b.summary.run.timings_ms as Record<string, number>).map(([s, ms]) => `${s} ${secs(ms)}`).join(', ');
    console.log(`${name}: wall ${secs(b.wall)}, peak RSS ${mib(b.summary.run.peak_rss_bytes)}, ${b.summary.keys} keys, ${b.summary.edges.kept} edges; ${stages}`);
  }
  console.log(`clusters.json byte-identical: ${same}`);
} finally {
  await cluster.stop();
}
