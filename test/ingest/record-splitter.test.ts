import { describe, expect, it } from 'vitest';
import { RecordSplitter } from '../../src/ingest/record-splitter.ts';

/** Splits `text` fed in chunks of `size` bytes; returns what the sink saw. */
function split(text: string | Buffer, csv: boolean, size: number, maxBytes = 1024): string[] {
  const out: string[] = [];
  const splitter = new RecordSplitter(csv, maxBytes, 8, {
    record: (t, line) => out.push(`${line}:${t}`),
    tooLong: (preview, line, inQuotes) => out.push(`${line}:TOO LONG${inQuotes ? ' (quoted)' : ''}:${preview}`),
  });
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size) splitter.push(bytes.subarray(i, i + size));
  splitter.end();
  return out;
}

describe('RecordSplitter', () => {
  const jsonl = '\uFEFFa\r\n\r\nb é 😀\nc';
  const csv = 'h1,h2\r\n"x\r\ny","q""z"\r\n,"\n"\nlast';

  it('splits JSONL lines: CRLF, BOM, empty lines, a last line without newline', () => {
    expect(split(jsonl, false, 1 << 16)).toEqual(['1:a', '2:', '3:b é 😀', '4:c']);
  });

  it('splits CSV records, counting the lines inside quoted fields', () => {
    expect(split(csv, true, 1 << 16)).toEqual(['1:h1,h2', '2:"x\r\ny","q""z"', '4:,"\n"', '6:last']);
  });

  it('gives the same records whatever the chunk size (UTF-8 and quotes split across chunks)', () => {
    for (const size of [1, 2, 3, 5, 7]) {
      expect(split(jsonl, false, size)).toEqual(split(jsonl, false, 1 << 16));
      expect(split(csv, true, size)).toEqual(split(csv, true, 1 << 16));
    }
  });

  it('reports an over-long record with a preview and carries on', () => {
    const text = `ok\n${'é'.repeat(20)}\nnext`;
    for (const size of [1, 4, 1 << 16]) {
      expect(split(text, false, size, 16)).toEqual(['1:ok', '2:TOO LONG:éééééééé', '3:next']);
    }
    expect(split(`"${'x'.repeat(40)}`, true, 4, 16)).toEqual([`1:TOO LONG (quoted):"xxxxxxx`]);
  });

  it('measures the limit in bytes, without the line ending', () => {
    expect(split('abcd\r\nabcde\n', false, 3, 4)).toEqual(['1:abcd', '2:TOO LONG:abcde']);
  });

  it('finds quotes that come after several unquoted records in one chunk', () => {
    const text = 'a,b\nc,d\n"x\ny",z\ne,"f"\ng\n';
    expect(split(text, true, 1 << 16)).toEqual(['1:a,b', '2:c,d', '3:"x\ny",z', '5:e,"f"', '6:g']);
  });

  it('reads a quote only at the start of a field (a stray quote is text)', () => {
    expect(split('a"b,c\nd', true, 1 << 16)).toEqual(['1:a"b,c', '2:d']);
  });
});
