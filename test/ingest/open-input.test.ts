import { describe, expect, it } from 'vitest';
import { detectFormat, readInput } from '../../src/ingest/index.ts';
import { OPTIONS, collect, tempFile } from './helpers.ts';

const sink = { reject: () => {} };

describe('input files', () => {
  it.each([
    ['events.jsonl', 'jsonl'],
    ['events.NDJSON', 'jsonl'],
    ['dir.v2/events.json.gz', 'jsonl'],
    ['accounts.csv', 'csv'],
    ['accounts.csv.gz', 'csv'],
  ])('%s is %s', (name, format) => {
    expect(detectFormat(name)).toBe(format);
  });

  it('refuses an unknown extension with E_INPUT_FORMAT', async () => {
    const file = tempFile('events.txt', '{}\n');
    await expect(readInput(file, 'events', OPTIONS, sink)).rejects.toMatchObject({
      code: 'E_INPUT_FORMAT',
      message: expect.stringContaining(file),
    });
    expect(() => detectFormat('events.gz')).toThrow(expect.objectContaining({ code: 'E_INPUT_FORMAT' }));
  });

  it('refuses a missing file with E_INPUT_MISSING', async () => {
    await expect(readInput('/nonexistent/events.jsonl', 'events', OPTIONS, sink)).rejects.toMatchObject({
      code: 'E_INPUT_MISSING',
      message: expect.stringContaining('/nonexistent/events.jsonl'),
    });
  });

  it('reads empty files as zero rows', async () => {
    expect((await collect(tempFile('empty.jsonl', ''), 'events')).stats.read).toBe(0);
    expect((await collect(tempFile('empty.csv', ''), 'accounts')).stats.read).toBe(0);
    expect((await collect(tempFile('header.csv', 'account_id\n'), 'accounts')).stats.read).toBe(0);
  });

  it('reports a truncated gzip stream as E_INPUT_READ', async () => {
    const { gzipSync } = await import('node:zlib');
    const gz = gzipSync('{"timestamp":1700000000,"key_id":"k"}\n'.repeat(1000));
    const file = tempFile('cut.jsonl.gz', gz.subarray(0, gz.length - 20));
    await expect(readInput(file, 'events', OPTIONS, sink)).rejects.toMatchObject({ code: 'E_INPUT_READ' });
  });
});
