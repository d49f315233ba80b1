import { describe, expect, it } from 'vitest';
import { RecordSplitter, type SplitterSink } from '../../src/ingest/record-splitter.ts';
import { SegmentCutter } from '../../src/ingest/segment-cutter.ts';
import { createRng } from '../../src/util/rng.ts';

type Out = ['record' | 'tooLong', string, number, boolean];

function collector(out: Out[], base: () => number): SplitterSink {
  return {
    record: (text, line) => void out.push(['record', text, line + base(), false]),
    tooLong: (preview, line, inQuotes) => void out.push(['tooLong', preview, line + base(), inQuotes]),
  };
}

/** What one splitter over the whole input emits. */
function whole(csv: boolean, max: number, chunks: Buffer[]): Out[] {
  const out: Out[] = [];
  const splitter = new RecordSplitter(csv, max, 8, collector(out, () => 0));
  for (const c of chunks) splitter.push(c);
  splitter.end();
  return out;
}

/** What fresh splitters over the cut pieces emit, line numbers moved by the lines before each piece. */
function cut(csv: boolean, max: number, chunks: Buffer[], splitFirst: boolean, reuse = false): { out: Out[]; pieces: number } {
  const out: Out[] = [];
  const cutter = new SegmentCutter(csv, max, splitFirst);
  let base = 0;
  let first = true;
  let pieces = 0;
  let long: RecordSplitter | null = null;
  const take = (piece: ReturnType<SegmentCutter['end']>[number]) => {
    pieces++;
    if (piece.long) {
      long ??= new RecordSplitter(csv, max, 8, collector(out, () => base), first);
      first = false;
      long.push(Buffer.from(piece.bytes));
      if (piece.done) {
        long.end();
        base += long.lines;
        long = null;
      }
      return;
    }
    const splitter = new RecordSplitter(csv, max, 8, collector(out, () => base), first);
    first = false;
    splitter.push(Buffer.from(piece.bytes));
    splitter.end();
    base += splitter.lines;
  };
  // With `reuse`, every chunk arrives in one buffer, overwritten once its pieces are taken (as inputChunks' reuse does).
  const scratch = Buffer.alloc(Math.max(1, ...chunks.map((c) => c.length)));
  for (const c of chunks) {
    if (!reuse) {
      cutter.push(c).forEach(take);
      continue;
    }
    c.copy(scratch);
    cutter.push(scratch.subarray(0, c.length)).forEach(take);
    scratch.fill(0x78);
  }
  cutter.end().forEach(take);
  return { out, pieces };
}

/** Random text over an alphabet rich in the bytes that matter (quotes, commas, CR, LF), with a BOM sometimes. */
function randomInput(rng: () => number, length: number): Buffer {
  const alphabet = ['"', '"', ',', '\n', '\n', '\r', 'a', 'b', ' ', 'é', '{}'];
  let text = rng() < 0.3 ? '\uFEFF' : '';
  while (text.length < length) text += alphabet[Math.floor(rng() * alphabet.length)];
  return Buffer.from(text);
}

function randomChunks(rng: () => number, bytes: Buffer): Buffer[] {
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; ) {
    const n = 1 + Math.floor(rng() * 40);
    chunks.push(bytes.subarray(at, at + n));
    at += n;
  }
  return chunks;
}

describe('SegmentCutter', () => {
  it('keeps no view of a chunk it was given, so the caller may reuse the buffer', () => {
    for (const csv of [false, true]) {
      const rng = createRng(csv ? 31 : 32);
      for (let trial = 0; trial < 200; trial++) {
        const input = randomInput(rng, Math.floor(rng() * 300));
        const chunks = randomChunks(rng, input);
        const max = 4 + Math.floor(rng() * 30);
        expect(cut(csv, max, chunks, csv, true).out, `trial ${trial}`).toEqual(whole(csv, max, chunks));
      }
    }
  });

  for (const csv of [false, true]) {
    it(`gives pieces that read like the whole stream, in one chunk (${csv ? 'CSV' : 'JSONL'}, random bytes and chunks)`, () => {
      const rng = createRng(csv ? 11 : 12);
      let pieces = 0;
      for (let trial = 0; trial < 400; trial++) {
        const input = randomInput(rng, Math.floor(rng() * 300));
        const chunks = randomChunks(rng, input);
        const max = 4 + Math.floor(rng() * 30);
        const expected = whole(csv, max, [input]);
        expect(whole(csv, max, chunks), 'the splitter alone, in chunks').toEqual(expected);
        const got = cut(csv, max, chunks, csv && rng() < 0.5);
        expect(got.out, JSON.stringify(input.toString())).toEqual(expected);
        pieces += got.pieces;
      }
      expect(pieces).toBeGreaterThan(1000);
    });
  }

  it('cuts a chunk only after the last whole record, and holds the rest', () => {
    const cutter = new SegmentCutter(true, 1000, false);
    const pieces = cutter.push(Buffer.from('a,b\n"x\ny",z\n"open\nquote'));
    expect(pieces.map((p) => Buffer.from(p.bytes).toString())).toEqual(['a,b\n"x\ny",z\n']);
    expect(cutter.push(Buffer.from('d"\nnext\n')).map((p) => Buffer.from(p.bytes).toString())).toEqual(['"open\nquoted"\nnext\n']);
    expect(cutter.end()).toEqual([]);
  });

  it('passes a record sure to be too long on in parts, without holding it', () => {
    const cutter = new SegmentCutter(false, 10, false);
    const pieces = [...cutter.push(Buffer.from('ok\n0123456789')), ...cutter.push(Buffer.from('ab')), ...cutter.push(Buffer.from('cd\nnext\n'))];
    expect(pieces.map((p) => [p.long, Buffer.from(p.bytes).toString(), p.long && p.done])).toEqual([
      [false, 'ok\n', false],
      [true, '0123456789ab', false],
      [true, 'cd\n', true],
      [false, 'next\n', false],
    ]);
  });
});
