import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { detectFormat, isPlainText, readInput, type InputDigest } from '../../src/ingest/index.ts';
import { inputChunks } from '../../src/ingest/open-input.ts';
import { OPTIONS, collect, tempFile } from './helpers.ts';
import { parquetFile } from './parquet-helpers.ts';

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

describe('hashing while reading', () => {
  // Bigger than one read (CHUNK_BYTES), so the digest sees several chunks of the one reused buffer.
  const content = Array.from({ length: 60_000 }, (_, i) => JSON.stringify({ key_id: `k${i % 97}`, prompt: `p${i}`.repeat(20) })).join('\n') + '\n';

  it('gives the SHA-256 of the file once inputChunks has read it all, and says whether it did', async () => {
    const file = tempFile('hashed.jsonl', content);
    const whole: InputDigest = { hash: createHash('sha256'), complete: false };
    let bytes = 0;
    for await (const chunk of inputChunks(file, true, whole)) bytes += chunk.length;
    expect(bytes).toBe(Buffer.byteLength(content));
    expect(whole.complete).toBe(true);
    expect(whole.hash.digest('hex')).toBe(createHash('sha256').update(content).digest('hex'));
    const part: InputDigest = { hash: createHash('sha256'), complete: false };
    for await (const _ of inputChunks(file, true, part)) break;
    expect(part.complete).toBe(false);
  });

  it('hashes only files read as they are: plain JSONL and CSV, not gzip or Parquet', async () => {
    expect(await isPlainText(tempFile('plain.jsonl', content))).toBe(true);
    expect(await isPlainText(tempFile('plain.csv', 'account_id\na\n'))).toBe(true);
    expect(await isPlainText(tempFile('packed.jsonl.gz', gzipSync(content)))).toBe(false);
    expect(await isPlainText(parquetFile('rows.parquet', [{ name: 'key_id', type: 'STRING', data: ['k'] }]))).toBe(false);
    expect(await isPlainText('/nonexistent/events.jsonl')).toBe(false);
  });
});
