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
import type { IngestSink } from './index.ts';
import { inputChunks, type InputDigest } from './open-input.ts';
import type { RowGroupSpec } from './parquet-piece.ts';
import { openParquet } from './parquet-rows.ts';
import { PieceReader, unpackAccounts, unpackEvents, type PieceResult, type PieceSpec } from './piece-reader.ts';
import type { IngestPool } from './pool.ts';
import { PieceSlots } from './piece-slots.ts';
import { SegmentCutter, type Piece } from './segment-cutter.ts';

/** Pieces in flight per worker: enough to keep every worker busy while this thread reads and cuts. */
const IN_FLIGHT_PER_WORKER = 3;

export async function readParallel(
  spec: Omit<PieceSpec, 'header' | 'first'>,
  stats: FileStats,
  sink: IngestSink,
  pool: IngestPool,
  digest?: InputDigest,
): Promise<void> {
  const csv = spec.format === 'csv';
  // A batch piece is at most a piece and the carried start of a record: past twice a piece, a fresh buffer.
  const slots = new PieceSlots(IN_FLIGHT_PER_WORKER * pool.size + 2, 2 * pool.pieceBytes);
  const cutter = new SegmentCutter(csv, spec.maxLineBytes, csv, (n) => slots.take(n));
  let header: string | null = null;
  let first = true;
  let lineBase = 0;
  let long: PieceReader | null = null;

  const results = new InOrder(IN_FLIGHT_PER_WORKER * pool.size, (r) => {
    applyResult(r, lineBase, stats, sink);
    lineBase += r.lines;
  });

  const take = async (piece: Piece) => {
    const pieceSpec: PieceSpec = { ...spec, header, first };
    // Pieces read on this thread hand their events to the sink, whatever the workers do.
    const here: PieceSpec = { ...pieceSpec, aggregate: null };
    first = false;
    if (piece.long) {
      long ??= new PieceReader(here);
      long.push(new Uint8Array(piece.bytes)); // a copy: the reader may keep a part, and the chunk is reused
      if (piece.done) {
        const reader = long;
        long = null;
        header ??= reader.header;
        await results.push(Promise.resolve(reader.finish()));
      }
    } else if (csv && header === null) {
      // The header: read here, since every piece needs it.
      const reader = new PieceReader(here);
      reader.push(piece.bytes);
      const result = reader.finish();
      slots.give(piece.bytes);
      header = reader.header;
      await results.push(Promise.resolve(result));
    } else {
      const bytes = piece.bytes;
      const result = pool.read(pieceSpec, bytes);
      // The worker is done with the bytes once it replies, however it replies.
      result.then(() => slots.give(bytes), () => slots.give(bytes));
      await results.push(result);
    }
  };

  // Chunks are reused: the cutter copies what it carries, pieces are copied into slots, long parts above.
  for await (const chunk of inputChunks(spec.file, true, digest)) {
    for (let at = 0; at < chunk.length; at += pool.pieceBytes) {
      for (const piece of cutter.push(chunk.subarray(at, at + pool.pieceBytes))) await take(piece);
    }
  }
  for (const piece of cutter.end()) await take(piece);
  await results.drain();
}

/**
 * Reads a Parquet file's row groups on the pool's workers, each opening the
 * file itself; this thread checks the footer first (so a bad file fails with
 * the same line as on one thread) and applies the row groups in order. Fewer
 * are in flight than text pieces: a decoded row group is large.
 */
export async function readParquetParallel(spec: RowGroupSpec, stats: FileStats, sink: IngestSink, pool: IngestPool): Promise<void> {
  const pq = await openParquet(spec);
  await pq.handle.close();
  const results = new InOrder(pool.size + 1, (r) => applyResult(r, 0, stats, sink));
  for (let g = 0; g < pq.ranges.length; g++) await results.push(pool.readRowGroup(spec, g));
  await results.drain();
}

/** Adds a piece's counts and hands its rejections and records to the sink, lines moved by `lineBase`. */
function applyResult(r: PieceResult, lineBase: number, stats: FileStats, sink: IngestSink): void {
  stats.read += r.read;
  stats.accepted += r.accepted;
  stats.rejected += r.rejected;
  stats.blank += r.blank;
  for (const rejection of r.rejections) sink.reject({ ...rejection, line: rejection.line + lineBase });
  if (r.events !== null && sink.event) unpackEvents(r.events, sink.event);
  else if (r.aggregated > 0) sink.aggregated?.(r.aggregated);
  if (sink.account) unpackAccounts(r.accounts, sink.account);
}

/** Results applied strictly in the order they were queued, with at most `limit` waiting. */
class InOrder {
  private readonly queue: Promise<PieceResult>[] = [];

  constructor(
    private readonly limit: number,
    private readonly apply: (result: PieceResult) => void,
  ) {}

  async push(result: Promise<PieceResult>): Promise<void> {
    result.catch(() => {}); // awaited in turn below; a failure after an earlier one must not go unhandled
    this.queue.push(result);
    while (this.queue.length > this.limit) this.apply(await this.queue.shift()!);
  }

  async drain(): Promise<void> {
    while (this.queue.length > 0) this.apply(await this.queue.shift()!);
  }
}
