/**
 * Parquet input: the same rows read from Parquet and from JSONL give the same
 * records; columns map by role; Parquet types become what the row schemas
 * expect; bad rows are rejected with their 1-based row number; counts add up
 * over several row groups and every codec.
 */
import { parquetMetadata } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { readInput } from '../../src/ingest/index.ts';
import { OPTIONS, collect, tempFile } from './helpers.ts';
import { parquetBytes, parquetFile, type TestColumn } from './parquet-helpers.ts';

const T = Date.UTC(2026, 10, 2, 12, 30, 15, 250); // 2026-11-02T12:30:15.250Z
const iso = (ms: number) => new Date(ms).toISOString();

const EVENTS: TestColumn[] = [
  { name: 'timestamp', type: 'STRING', data: [iso(T), iso(T + 1000), iso(T + 2000), iso(T + 3000)] },
  { name: 'key_id', type: 'STRING', data: ['k1', 'k2', 'k1', 'k3'] },
  { name: 'account_id', type: 'STRING', data: ['a1', null, 'a1', 'a3'] },
  { name: 'ip', type: 'STRING', data: ['10.0.0.1', '2001:DB8::1', null, '10.0.0.3'] },
  { name: 'model', type: 'STRING', data: ['m', 'm', 'm', null] },
  { name: 'input_tokens', type: 'INT64', data: [12n, null, 0n, 7n] },
  { name: 'region', type: 'STRING', data: ['eu', null, 'us', 'eu'] },
];

/** The same rows as JSONL, absent keys for nulls. */
function jsonl(columns: TestColumn[]): string {
  const rows = columns[0].data.map((_, r) => {
    const row: Record<string, unknown> = {};
    for (const c of columns) {
      const v = c.data[r];
      if (v !== null && v !== undefined) row[c.name] = typeof v === 'bigint' ? Number(v) : v;
    }
    return JSON.stringify(row);
  });
  return rows.join('\n') + '\n';
}

describe('Parquet input', () => {
  it('gives the same records as the same rows in JSONL', async () => {
    const fromParquet = await collect(parquetFile('events.parquet', EVENTS), 'events');
    const fromJsonl = await collect(tempFile('events.jsonl', jsonl(EVENTS)), 'events');
    expect(fromParquet.stats).toMatchObject({ format: 'parquet', read: 4, accepted: 4, rejected: 0, blank: 0 });
    expect(fromParquet.events).toEqual(fromJsonl.events);
    expect(fromParquet.events[1]).toMatchObject({ ip: '2001:db8::1', account_id: null, input_tokens: null, timestamp: T + 1000 });
    expect({ ...fromParquet.events[0].extra }).toEqual({ region: 'eu' });
    expect({ ...fromParquet.events[1].extra }).toEqual({}); // a null extra is absent, as in JSONL
  });

  it('is told by its magic bytes, whatever the name', async () => {
    const r = await collect(tempFile('export.jsonl', parquetBytes(EVENTS)), 'events');
    expect(r.stats).toMatchObject({ format: 'parquet', accepted: 4 });
    await expect(readInput(tempFile('e.parquet', '{"key_id":"k"}\n'), 'events', OPTIONS, { reject: () => {} })).rejects.toMatchObject({
      code: 'E_INPUT_FORMAT',
    });
  });

  it('maps columns by role as CSV and JSONL do', async () => {
    const file = parquetFile('mapped.parquet', [
      { name: 'ts', type: 'STRING', data: [iso(T)] },
      { name: 'api_key', type: 'STRING', data: ['sk-1'] },
      { name: 'client_ip', type: 'STRING', data: ['192.0.2.7'] },
      { name: 'ip', type: 'STRING', data: ['not the ip column'] },
    ]);
    const r = await collect(file, 'events', { columns: { timestamp: 'ts', key_id: 'api_key', ip: 'client_ip' } });
    expect(r.events).toHaveLength(1);
    expect(r.events[0]).toMatchObject({ timestamp: T, key_id: 'sk-1', ip: '192.0.2.7', prefix: '192.0.2.0/24' });
    expect({ ...r.events[0].extra }).toEqual({ ip: 'not the ip column' });

    await expect(readInput(file, 'events', OPTIONS, { reject: () => {} })).rejects.toMatchObject({
      code: 'E_INPUT_HEADER',
      message: expect.stringMatching(/"timestamp", "key_id"/),
    });
  });

  it('reads accounts, mapped and typed', async () => {
    const file = parquetFile('accounts.parquet', [
      { name: 'acct', type: 'INT64', data: [101n, 102n, 2n ** 62n] },
      { name: 'payment_fingerprint', type: 'STRING', data: ['pm_1', null, 'pm_3'] },
      { name: 'email_domain', type: 'STRING', data: ['@Example.COM', 'x.org', 'y.net'] },
      { name: 'created_at', element: { type: 'INT32', converted_type: 'DATE' }, data: [20_000, null, 20_001] },
      { name: 'country', type: 'STRING', data: ['FR', 'DE', ''] },
    ]);
    const r = await collect(file, 'accounts', { columns: { account_id: 'acct' } });
    expect(r.accounts.map((a) => [a.account_id, a.payment_fingerprint, a.email_domain, a.created_at, a.country])).toEqual([
      ['101', 'pm_1', 'example.com', 20_000 * 86_400_000, 'FR'],
      ['102', null, 'x.org', null, 'DE'],
      ['4611686018427387904', 'pm_3', 'y.net', 20_001 * 86_400_000, null], // a 64-bit id keeps every digit
    ]);
  });

  it('reads timestamps of every Parquet time type as epoch milliseconds', async () => {
    const ts = (unit: 'MILLIS' | 'MICROS' | 'NANOS') =>
      ({ type: 'INT64', logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit } }) as const;
    const ms = BigInt(T);
    const cases: [string, TestColumn][] = [
      ['TIMESTAMP(MILLIS)', { name: 'timestamp', element: ts('MILLIS'), data: [ms] }],
      ['TIMESTAMP(MICROS)', { name: 'timestamp', element: ts('MICROS'), data: [ms * 1000n + 999n] }],
      ['TIMESTAMP(NANOS)', { name: 'timestamp', element: ts('NANOS'), data: [ms * 1_000_000n + 999_999n] }],
      ['TIMESTAMP_MILLIS (converted type)', { name: 'timestamp', type: 'TIMESTAMP', data: [new Date(T)] }],
      ['INT64 epoch milliseconds', { name: 'timestamp', type: 'INT64', data: [ms] }],
      ['INT64 epoch microseconds', { name: 'timestamp', type: 'INT64', data: [ms * 1000n] }],
      ['INT64 epoch nanoseconds', { name: 'timestamp', type: 'INT64', data: [ms * 1_000_000n] }],
      ['DOUBLE epoch milliseconds', { name: 'timestamp', type: 'DOUBLE', data: [T] }],
      ['STRING ISO 8601', { name: 'timestamp', type: 'STRING', data: [iso(T)] }],
    ];
    for (const [label, column] of cases) {
      const file = parquetFile('t.parquet', [column, { name: 'key_id', type: 'STRING', data: ['k'] }]);
      const r = await collect(file, 'events');
      expect(r.reasons, label).toEqual(new Map());
      expect(r.events[0].timestamp, label).toBe(T);
    }
    const seconds = parquetFile('s.parquet', [
      { name: 'timestamp', type: 'INT64', data: [BigInt(Math.floor(T / 1000))] },
      { name: 'key_id', type: 'INT64', data: [7n] },
      { name: 'output_tokens', type: 'INT32', data: [5] },
    ]);
    const r = await collect(seconds, 'events');
    expect(r.events[0]).toMatchObject({ timestamp: Math.floor(T / 1000) * 1000, key_id: '7', output_tokens: 5 });
  });

  it('rejects bad rows with their row number over several row groups, and counts add up', async () => {
    const n = 11;
    const columns: TestColumn[] = [
      { name: 'timestamp', type: 'STRING', data: Array.from({ length: n }, (_, i) => (i === 3 ? 'yesterday' : iso(T + i))) },
      { name: 'key_id', type: 'STRING', data: Array.from({ length: n }, (_, i) => (i === 6 ? null : i === 9 ? ' ' : `k${i}`)) },
      { name: 'ip', type: 'STRING', data: Array.from({ length: n }, (_, i) => (i === 7 ? '999.1.1.1' : null)) },
      { name: 'input_tokens', type: 'DOUBLE', data: Array.from({ length: n }, (_, i) => (i === 8 ? 1.5 : i)) },
      { name: 'note', type: 'STRING', data: Array.from({ length: n }, () => null) },
    ];
    // Row 5 (index 4) is all nulls: blank.
    for (const c of columns) c.data[4] = null;
    const r = await collect(parquetFile('bad.parquet', columns, { rowGroupSize: 3 }), 'events', { rawPreviewChars: 512 });
    expect(r.stats).toMatchObject({ read: 11, accepted: 5, rejected: 5, blank: 1 });
    expect([...r.reasons]).toEqual([
      [4, '"timestamp" is not an ISO 8601 time or epoch seconds/milliseconds in 2000–2100 ("yesterday")'],
      [7, 'missing "key_id"'],
      [8, '"ip" is not an IPv4 or IPv6 address ("999.1.1.1")'],
      [9, '"input_tokens" must be a non-negative integer (1.5)'],
      [10, 'missing "key_id"'],
    ]);
    expect(r.rejections.every((x) => x.file.endsWith('bad.parquet'))).toBe(true);
    expect(JSON.parse(r.rejections[0].raw)).toEqual({ timestamp: 'yesterday', key_id: 'k3', ip: null, input_tokens: 3, note: null });
  });

  it('rejects cells of types the schema does not take, naming the column', async () => {
    const r = await collect(
      parquetFile('types.parquet', [
        { name: 'timestamp', type: 'STRING', data: [iso(T), iso(T)] },
        { name: 'key_id', type: 'BOOLEAN', data: [true, null] },
      ]),
      'events',
    );
    expect([...r.reasons]).toEqual([
      [1, '"key_id" must be a string or number (got true)'],
      [2, 'missing "key_id"'],
    ]);
  });

  it.each(['SNAPPY', 'GZIP', 'BROTLI', 'UNCOMPRESSED'] as const)('reads %s row groups', async (codec) => {
    const many: TestColumn[] = [
      { name: 'timestamp', type: 'INT64', data: Array.from({ length: 5000 }, (_, i) => BigInt(T + i)) },
      { name: 'key_id', type: 'STRING', data: Array.from({ length: 5000 }, (_, i) => `key-${i % 97}`) },
      { name: 'prompt', type: 'STRING', data: Array.from({ length: 5000 }, (_, i) => `Summarize the following text: ${'lorem '.repeat(i % 13)}`) },
    ];
    const bytes = parquetBytes(many, { codec, rowGroupSize: 1024 });
    const metadata = parquetMetadata(new Uint8Array(bytes).buffer);
    expect(metadata.row_groups).toHaveLength(5);
    expect(metadata.row_groups[0].columns[2].meta_data?.codec).toBe(codec);
    const r = await collect(tempFile('c.parquet', bytes), 'events');
    expect(r.stats).toMatchObject({ read: 5000, accepted: 5000 });
    expect(r.events[4321]).toMatchObject({ timestamp: T + 4321, key_id: `key-${4321 % 97}`, prompt: String(many[2].data[4321]).trim() });
  });
});
