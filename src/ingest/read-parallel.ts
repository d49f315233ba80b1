/**
 * Reads a JSONL or CSV file on the pool's worker threads with exactly the
 * result of reading it here: the main thread cuts the bytes at record
 * boundaries (segment-cutter.ts), workers split, parse and validate the
 * pieces, and the results are handed to the sink strictly in file order, each
 * piece's line numbers moved by the lines before it. A CSV header and a record
 * too long to hold are read on this thread, in their place in that order.
 * At most a few pieces per worker are in flight, so memory stays bounded.
 */
import type { FileStats } from '../model.ts';
import { UserError } from '../util/errors.ts';
import type { IngestSink } from './index.ts';
import { openInput } from './open-input.ts';
import { PieceReader, unpackAccounts, unpackEvents, type PieceResult, type PieceSpec } from './piece-reader.ts';
import type { IngestPool } from './pool.ts';
import { SegmentCutter, type Piece } from './segment-cutter.ts';

/** Pieces in flight per worker: enough to keep every worker busy while this thread aggregates. */
const IN_FLIGHT_PER_WORKER = 3;

export async function readParallel(
  spec: Omit<PieceSpec, 'header' | 'first'>,
  stats: FileStats,
  sink: IngestSink,
  pool: IngestPool,
): Promise<void> {
  const csv = spec.format === 'csv';
  const cutter = new SegmentCutter(csv, spec.maxLineBytes, csv);
  const queue: Promise<PieceResult>[] = [];
  const limit = IN_FLIGHT_PER_WORKER * pool.size;
  let header: string | null = null;
  let first = true;
  let lineBase = 0;
  let long: PieceReader | null = null;

  const apply = (r: PieceResult) => {
    stats.read += r.read;
    stats.accepted += r.accepted;
    stats.rejected += r.rejected;
    stats.blank += r.blank;
    for (const rejection of r.rejections) sink.reject({ ...rejection, line: rejection.line + lineBase });
    if (r.events !== null && sink.event) unpackEvents(r.events, sink.event);
    if (sink.account) unpackAccounts(r.accounts, sink.account);
    lineBase += r.lines;
  };

  const enqueue = async (result: Promise<PieceResult>) => {
    result.catch(() => {}); // awaited in turn below; a failure after an earlier one must not go unhandled
    queue.push(result);
    while (queue.length > limit) apply(await queue.shift()!);
  };

  const take = async (piece: Piece) => {
    const spec1: PieceSpec = { ...spec, header, first };
    first = false;
    if (piece.long) {
      long ??= new PieceReader(spec1);
      long.push(piece.bytes);
      if (piece.done) {
        const reader = long;
        long = null;
        header ??= reader.header;
        await enqueue(Promise.resolve(reader.finish()));
      }
    } else if (csv && header === null) {
      // The header: read here, since every piece needs it.
      const reader = new PieceReader(spec1);
      reader.push(piece.bytes);
      const result = reader.finish();
      header = reader.header;
      await enqueue(Promise.resolve(result));
    } else {
      await enqueue(pool.read(spec1, piece.bytes));
    }
  };

  const stream = await openInput(spec.file);
  const chunks = stream[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<Buffer>;
      try {
        next = await chunks.next();
      } catch (err) {
        const detail = err instanceof Error ? err.message : String(err);
        throw new UserError('E_INPUT_READ', `${spec.file}: the input could not be read to the end (${detail})`);
      }
      if (next.done) break;
      const chunk = next.value;
      for (let at = 0; at < chunk.length; at += pool.pieceBytes) {
        for (const piece of cutter.push(chunk.subarray(at, at + pool.pieceBytes))) await take(piece);
      }
    }
    for (const piece of cutter.end()) await take(piece);
    while (queue.length > 0) apply(await queue.shift()!);
  } finally {
    stream.destroy();
  }
}
