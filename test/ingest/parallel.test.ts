import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/generate/index.ts';
import { IngestPool, readInput, type IngestOptions } from '../../src/ingest/index.ts';
import type { InputKind } from '../../src/model.ts';
import { createRng } from '../../src/util/rng.ts';
import { OPTIONS, tempFile } from './helpers.ts';
import { parquetFile, type TestColumn } from './parquet-helpers.ts';
import { eventsCsv } from './parallel-helpers.ts';

async function read(file: string, kind: InputKind, pool: IngestPool | null, options: Partial<IngestOptions> = {}) {
  const events: unknown[] = [];
  const accounts: unknown[] = [];
  const rejections: unknown[] = [];
  const stats = await readInput(file, kind, { ...OPTIONS, ...options }, {
    event: (r) => events.push(r),
    account: (r) => accounts.push(r),
    reject: (r) => rejections.push(r),
  }, pool);
  expect(stats.read).toBe(stats.accepted + stats.rejected + stats.blank);
  expect(stats.accepted).toBe(events.length + accounts.length);
  expect(stats.rejected).toBe(rejections.length);
  return { stats, events, accounts, rejections };
}

describe('readInput on worker threads', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'sybilscope-par-'));
  // Small pieces, so that even these small files travel in many of them.
  const pools = [new IngestPool(2, { pieceBytes: 4096 }), new IngestPool(3, { pieceBytes: 777 })];
  let jsonl: string;
  let accountsCsv: string;

  beforeAll(async () => {
    await generate({ out: tmp, seed: 4, events: 1500, malformedRate: 0.05 });
    jsonl = join(tmp, 'events.jsonl');
    accountsCsv = join(tmp, 'accounts.csv');
  });
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.close()));
  });

  async function same(file: string, kind: InputKind, options: Partial<IngestOptions> = {}) {
    const alone = await read(file, kind, null, options);
    expect(alone.stats.read).toBeGreaterThan(0);
    for (const pool of pools) expect(await read(file, kind, pool, options)).toEqual(alone);
    return alone;
  }

  it('reads a generated log with malformed rows to the same records, rejections and counts', async () => {
    const r = await same(jsonl, 'events');
    expect(r.stats.rejected).toBeGreaterThan(20);
    expect(r.stats.blank).toBeGreaterThan(0);
  });

  it('reads CSV accounts (quoted fields) and CSV events with quoted line breaks alike', async () => {
    await same(accountsCsv, 'accounts');
    const csv = tempFile('events.csv', eventsCsv(readFileSync(jsonl, 'utf8'), createRng(3)));
    const r = await same(csv, 'events');
    // Line numbers count physical lines, past quoted line breaks.
    const lines = readFileSync(csv, 'utf8').split('\n').length;
    expect(Math.max(...r.rejections.map((x) => (x as { line: number }).line))).toBeGreaterThan(r.stats.read + 1);
    expect(Math.max(...r.rejections.map((x) => (x as { line: number }).line))).toBeLessThan(lines);
  });

  it('reads gzip and a BOM with CRLF alike', async () => {
    await same(tempFile('events.jsonl.gz', gzipSync(readFileSync(jsonl))), 'events');
    const crlf = '\uFEFF' + readFileSync(accountsCsv, 'utf8').replace(/\n/g, '\r\n');
    await same(tempFile('accounts.csv', crlf), 'accounts');
  });

  it('refuses records over the limit alike, whole or cut across pieces', async () => {
    const long = (n: number) => JSON.stringify({ timestamp: 1_790_000_000, key_id: 'k', prompt: 'x'.repeat(n) });
    const lines = [long(10), long(5000), long(100), long(1014), long(1015), `${long(3000)}\r`, long(20), 'not json', long(9000)];
    const r = await same(tempFile('events.jsonl', lines.join('\n')), 'events', { maxLineBytes: 1024, rawPreviewChars: 300 });
    expect(r.stats).toMatchObject({ read: 9, accepted: 3, rejected: 6 });
    const header = 'account_id,note\n';
    const csv = `${header}a,"${'y\n'.repeat(800)}"\nb,ok\nc,"unclosed\n${'z'.repeat(3000)}`;
    await same(tempFile('accounts.csv', csv), 'accounts', { maxLineBytes: 1024 });
  });

  it('keeps extra columns, nested and oddly named, as they were', async () => {
    const rows: Record<string, unknown>[] = [
      { timestamp: 1_790_000_000, key_id: 'a', note: 'x', nested: { deep: [1, { b: null }] }, ['__proto__']: { polluted: true } },
      { timestamp: 1_790_000_001, key_id: 'b' },
      { timestamp: 1_790_000_002, key_id: 'c', constructor: 'text', n: -0 },
    ];
    const r = await same(tempFile('events.jsonl', rows.map((row) => JSON.stringify(row)).join('\n')), 'events');
    const first = r.events[0] as { extra: Record<string, unknown> };
    expect(Object.getPrototypeOf(first.extra)).toBe(null);
    expect(Object.keys(first.extra)).toEqual(['note', 'nested', '__proto__']);
    expect(first.extra.nested).toEqual({ deep: [1, { b: null }] });
    const csv = 'account_id,note,__proto__\nA1,hello,x\nA2,,\n';
    const accounts = await same(tempFile('accounts.csv', csv), 'accounts');
    const extra = (accounts.accounts[0] as { extra: Record<string, unknown> }).extra;
    expect(Object.getPrototypeOf(extra)).toBe(null);
    expect(Object.entries(extra)).toEqual([['note', 'hello'], ['__proto__', 'x']]);
  });

  it('reads Parquet row groups on workers to the same records, rejections and errors', async () => {
    const lines = readFileSync(jsonl, 'utf8').split('\n').map((line) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        return { key_id: line.slice(0, 20) };
      }
    });
    const text = (role: string) => lines.map((l) => (l && typeof l === 'object' && l[role] != null ? String(l[role]) : null));
    const columns: TestColumn[] = [
      ...['timestamp', 'key_id', 'account_id', 'ip', 'user_agent', 'prompt', 'output_tokens'].map((name) => ({ name, type: 'STRING' as const, data: text(name) })),
      { name: 'note', type: 'STRING', data: lines.map((_, i) => (i % 3 === 0 ? `n${i}` : null)) },
    ];
    const file = parquetFile('events.parquet', columns, { rowGroupSize: 97 });
    const r = await same(file, 'events');
    expect(r.stats.rejected).toBeGreaterThan(10);
    // A damaged row group: the same one-line error, whichever thread decodes it.
    const bytes = readFileSync(file);
    bytes.fill(0xff, 4, 68);
    const broken = tempFile('broken.parquet', bytes);
    const alone = await read(broken, 'events', null).catch((e: Error) => e);
    expect(alone).toMatchObject({ code: 'E_INPUT_FORMAT' });
    for (const pool of pools) await expect(read(broken, 'events', pool)).rejects.toEqual(alone);
  });

  it('stops on a bad CSV header with its one-line error, as on one thread', async () => {
    const file = tempFile('accounts.csv', 'email_domain,country\nexample.com,FR\n');
    await expect(read(file, 'accounts', pools[0])).rejects.toMatchObject({ code: 'E_INPUT_HEADER' });
    // The pool still works afterwards.
    await same(accountsCsv, 'accounts');
  });

  it('raises an error inside a worker as a UserError with its code', async () => {
    const spec = { file: 'a.csv', kind: 'accounts', format: 'csv', cols: ['account_id', 'payment_fingerprint', 'email_domain', 'created_at', 'signup_ip', 'country'], maxLineBytes: 1024, rawPreviewChars: 64, header: 'nothing,useful', first: false } as const;
    await expect(pools[0].read({ ...spec, cols: [...spec.cols] }, Buffer.from('x,y\n'))).rejects.toMatchObject({ code: 'E_INPUT_HEADER' });
  });

  for (const [name, fixture] of [
    ['throws', 'worker-throws.ts'],
    ['exits', 'worker-exits.ts'],
  ]) {
    it(`fails with one E_WORKER line, not a hang, when a worker ${name}`, async () => {
      const pool = new IngestPool(2, { entry: new URL(`./fixtures/${fixture}`, import.meta.url).href, pieceBytes: 2048 });
      try {
        const error = await read(jsonl, 'events', pool).catch((e: unknown) => e);
        expect(error).toMatchObject({ name: 'UserError', code: 'E_WORKER' });
        expect((error as Error).message).not.toContain('\n');
        await expect(read(jsonl, 'events', pool)).rejects.toMatchObject({ code: 'E_WORKER' });
      } finally {
        await pool.close();
      }
    });
  }
});
