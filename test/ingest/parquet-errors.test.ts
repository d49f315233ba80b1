/**
 * Broken Parquet files: a truncated or corrupt file stops the build with one
 * E_INPUT_FORMAT line naming the file, and the previous output stays as it was.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInput } from '../../src/ingest/index.ts';
import { runCli } from '../helpers/cli.ts';
import { OPTIONS, tempFile } from './helpers.ts';
import { parquetBytes, type TestColumn } from './parquet-helpers.ts';

const N = 3000;
const COLUMNS: TestColumn[] = [
  { name: 'timestamp', type: 'INT64', data: Array.from({ length: N }, (_, i) => BigInt(Date.UTC(2026, 10, 2) + i * 60_000)) },
  { name: 'key_id', type: 'STRING', data: Array.from({ length: N }, (_, i) => `key-${i % 40}`) },
  { name: 'ip', type: 'STRING', data: Array.from({ length: N }, (_, i) => `10.0.${i % 40}.${i % 7}`) },
];
const good = parquetBytes(COLUMNS, { rowGroupSize: 1000 });
const sink = { event: () => {}, reject: () => {} };

/** `good` with `length` bytes at `at` (negative: from the end) overwritten by 0xff. */
function damaged(at: number, length: number): Buffer {
  const bytes = Buffer.from(good);
  const from = at < 0 ? bytes.length + at : at;
  bytes.fill(0xff, from, from + length);
  return bytes;
}

const oneLineError = (file: string) => ({ code: 'E_INPUT_FORMAT', message: expect.stringMatching(new RegExp(`^${file}: [^\\n]+$`)) });

describe('broken Parquet files', () => {
  it('reads the undamaged file', async () => {
    const stats = await readInput(tempFile('ok.parquet', good), 'events', OPTIONS, sink);
    expect(stats).toMatchObject({ read: N, accepted: N });
  });

  it.each([
    ['cut short', () => good.subarray(0, good.length - 100)],
    ['cut in half', () => good.subarray(0, good.length >> 1)],
    ['only the magic bytes', () => Buffer.from('PAR1')],
  ])('refuses a file %s with E_INPUT_FORMAT', async (_, bytes) => {
    const file = tempFile('cut.parquet', bytes());
    await expect(readInput(file, 'events', OPTIONS, sink)).rejects.toMatchObject(oneLineError(file));
  });

  it('refuses a corrupt footer with E_INPUT_FORMAT', async () => {
    // The footer is the metadata before the last 8 bytes (length + PAR1); spoil its middle.
    const footerLength = good.readUInt32LE(good.length - 8);
    const file = tempFile('footer.parquet', damaged(-8 - Math.floor(footerLength / 2), 40));
    await expect(readInput(file, 'events', OPTIONS, sink)).rejects.toMatchObject(oneLineError(file));
  });

  it('refuses a corrupt row group with E_INPUT_FORMAT', async () => {
    // Bytes 4… hold the first column chunk's page header and snappy data.
    const file = tempFile('pages.parquet', damaged(4, 64));
    await expect(readInput(file, 'events', OPTIONS, sink)).rejects.toMatchObject(oneLineError(file));
  });

  it('stops the build with one line and leaves the old output as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sybilscope-pq-'));
    const out = join(dir, 'out');
    writeFileSync(join(dir, 'events.parquet'), good);
    const first = await runCli(['build', '--events', join(dir, 'events.parquet'), '--out', out, '--quiet']);
    expect(first.code, first.stderr).toBe(0);
    const summary = readFileSync(join(out, 'summary.json'), 'utf8');
    expect(JSON.parse(summary).rows.files[0]).toMatchObject({ format: 'parquet', read: N, accepted: N });

    const broken = join(dir, 'broken.parquet');
    writeFileSync(broken, good.subarray(0, good.length - 100));
    const second = await runCli(['build', '--events', broken, '--out', out, '--quiet']);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(new RegExp(`^sybilscope build: ${broken}: [^\\n]*Parquet[^\\n]*\\n$`));
    expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe(summary);
  });
});
