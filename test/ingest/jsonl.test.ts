import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { collect, tempFile } from './helpers.ts';

const lines = [
  /* 1 */ '\uFEFF{"timestamp":"2024-01-02T03:04:05Z","key_id":"k1","ip":"203.0.113.9","region":"eu","__proto__":{"polluted":true},"constructor":"c"}\r',
  /* 2 */ '\r',
  /* 3 */ '   \t',
  /* 4 */ '{"timestamp":1700000000,"key_id":42,"ip":"2001:DB8:0001:0002::0001","prompt":"<script>alert(1)</script>","input_tokens":"12","output_tokens":0}',
  /* 5 */ '{"timestamp":1700000000,"key_id":"k"',
  /* 6 */ '[1,2,3]',
  /* 7 */ '"just a string"',
  /* 8 */ '{"timestamp":"2024-01-01T00:00:00Z"}',
  /* 9 */ '{"timestamp":1700000000,"key_id":"k","ip":"999.1.1.1"}',
  /* 10 */ '{"timestamp":1700000000,"key_id":"k","input_tokens":-5}',
  /* 11 */ '{"timestamp":1700000000,"key_id":"k","output_tokens":1.5}',
  /* 12 */ '{"timestamp":"tomorrow","key_id":"k"}',
  /* 13 */ '{"timestamp":1700000000,"key_id":{"a":1}}',
  /* 14 */ '{"timestamp":1700000000,"key_id":"k","user_agent":true}',
  /* 15 */ '{"timestamp":"2024-03-01T12:00:00+02:00","key_id":"k15","account_id":"  acc1  ","ip":"::ffff:192.0.2.7","model":""}',
  /* 16 */ '{"timestamp":"2024-03-01T12:00:00","key_id":"k-last"}',
];
const messy = lines.join('\n'); // no newline after the last line

describe('readInput on JSONL', () => {
  it('counts a messy file: read = accepted + rejected + blank', async () => {
    const { stats } = await collect(tempFile('events.jsonl', messy), 'events');
    expect(stats).toEqual({
      file: expect.stringMatching(/events\.jsonl$/),
      kind: 'events',
      format: 'jsonl',
      read: 16,
      accepted: 4,
      rejected: 10,
      blank: 2,
    });
  });

  it('normalises the accepted rows and keeps extras as they came', async () => {
    const { events } = await collect(tempFile('events.jsonl', messy), 'events');
    expect(events.map((e) => e.key_id)).toEqual(['k1', '42', 'k15', 'k-last']);
    const [first, second, third, last] = events;
    expect(first.timestamp).toBe(Date.UTC(2024, 0, 2, 3, 4, 5));
    expect(first.prefix).toBe('203.0.113.0/24');
    expect(Object.getPrototypeOf(first.extra)).toBe(null);
    expect(Object.keys(first.extra)).toEqual(['region', '__proto__', 'constructor']);
    expect(first.extra.__proto__).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(second).toMatchObject({
      timestamp: 1_700_000_000_000,
      ip: '2001:db8:1:2::1',
      prefix: '2001:db8:1::/48',
      prompt: '<script>alert(1)</script>',
      input_tokens: 12,
      output_tokens: 0,
    });
    expect(third).toMatchObject({
      timestamp: Date.UTC(2024, 2, 1, 10),
      account_id: 'acc1',
      ip: '192.0.2.7',
      prefix: '192.0.2.0/24',
      model: null,
      user_agent: null,
    });
    expect(last.timestamp).toBe(Date.UTC(2024, 2, 1, 12));
  });

  it('gives a one-line reason and the line number for each bad row', async () => {
    const { reasons, rejections } = await collect(tempFile('events.jsonl', messy), 'events');
    expect([...reasons.keys()]).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(reasons.get(5)).toMatch(/^invalid JSON: /);
    expect(reasons.get(6)).toBe('not a JSON object (got an array)');
    expect(reasons.get(7)).toBe('not a JSON object (got a string)');
    expect(reasons.get(8)).toBe('missing "key_id"');
    expect(reasons.get(9)).toBe('"ip" is not an IPv4 or IPv6 address ("999.1.1.1")');
    expect(reasons.get(10)).toBe('"input_tokens" must be a non-negative integer (-5)');
    expect(reasons.get(11)).toBe('"output_tokens" must be a non-negative integer (1.5)');
    expect(reasons.get(12)).toContain('"timestamp" is not an ISO 8601 time');
    expect(reasons.get(12)).toContain('("tomorrow")');
    expect(reasons.get(13)).toBe('"key_id" must be a string or number (got an object)');
    expect(reasons.get(14)).toBe('"user_agent" must be a string (got true)');
    for (const r of rejections) {
      expect(r.reason).not.toMatch(/[\n\r]/);
      expect(r.raw).toBe(lines[r.line - 1].slice(0, 64));
    }
  });

  it('reads gzip (detected by magic bytes, whatever the name) exactly like plain', async () => {
    const plain = await collect(tempFile('events.jsonl', messy), 'events');
    const gz = await collect(tempFile('events.jsonl.gz', gzipSync(messy)), 'events');
    const misnamed = await collect(tempFile('events.ndjson', gzipSync(messy)), 'events');
    for (const other of [gz, misnamed]) {
      expect({ ...other.stats, file: '' }).toEqual({ ...plain.stats, file: '' });
      expect(other.events).toEqual(plain.events);
      expect(other.rejections.map((r) => [r.line, r.reason])).toEqual(plain.rejections.map((r) => [r.line, r.reason]));
    }
  });

  it('maps columns by role and names the file column in reasons', async () => {
    const text = [
      '{"ts":"2024-01-01T00:00:00Z","api_key":"k1","client_ip":"10.1.2.3","ip":"not a role any more"}',
      '{"ts":"2024-01-01T00:00:00Z","api_key":"k2","client_ip":"1.2.3"}',
    ].join('\n');
    const columns = { timestamp: 'ts', key_id: 'api_key', ip: 'client_ip' };
    const { events, reasons } = await collect(tempFile('mapped.jsonl', text), 'events', { columns });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ key_id: 'k1', ip: '10.1.2.3', extra: { ip: 'not a role any more' } });
    expect(reasons.get(2)).toBe('"client_ip" (ip) is not an IPv4 or IPv6 address ("1.2.3")');
  });

  it('treats a role column named like an Object.prototype member as data', async () => {
    const text = ['{"constructor":"k1","timestamp":1700000000}', '{"timestamp":1700000000}'].join('\n');
    const { events, reasons } = await collect(tempFile('proto.jsonl', text), 'events', {
      columns: { key_id: 'constructor' },
    });
    expect(events.map((e) => e.key_id)).toEqual(['k1']);
    expect(reasons.get(2)).toBe('missing "constructor" (key_id)');
  });

  it('rejects a 5 MB line without loading it and reads on after it', async () => {
    const big = `{"timestamp":1700000000,"key_id":"big","prompt":"${'x'.repeat(5 * 1024 * 1024)}"}`;
    const text = ['{"timestamp":1700000000,"key_id":"before"}', big, '{"timestamp":1700000000,"key_id":"after"}'].join('\n');
    const { events, rejections, stats } = await collect(tempFile('big.jsonl', text), 'events', {
      maxLineBytes: 64 * 1024,
      rawPreviewChars: 32,
    });
    expect(events.map((e) => e.key_id)).toEqual(['before', 'after']);
    expect(rejections).toEqual([
      { file: stats.file, line: 2, reason: 'line longer than 65536 bytes', raw: big.slice(0, 32) },
    ]);
  });

  it('survives deeply nested JSON and very wide rows', async () => {
    const deep = `{"timestamp":1700000000,"key_id":"deep","nest":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const wide = JSON.stringify(
      Object.fromEntries([['timestamp', 1700000000], ['key_id', 'wide'], ...Array.from({ length: 10_000 }, (_, i) => [`c${i}`, i])]),
    );
    const { events, reasons } = await collect(tempFile('hostile.jsonl', [deep, wide].join('\n')), 'events', {
      maxLineBytes: 1 << 20,
    });
    expect(reasons.get(1)).toBe('"nest" is nested deeper than 64 levels');
    expect(events).toHaveLength(1);
    expect(Object.keys(events[0].extra)).toHaveLength(10_000);
  });

  it('truncates and escapes values quoted in reasons', async () => {
    const ip = `${'9'.repeat(200)}\n"`;
    const text = JSON.stringify({ timestamp: 1700000000, key_id: 'k', ip });
    const { rejections } = await collect(tempFile('long-value.jsonl', text), 'events');
    expect(rejections[0].reason).toBe(`"ip" is not an IPv4 or IPv6 address ("${'9'.repeat(80)}…")`);
  });
});
