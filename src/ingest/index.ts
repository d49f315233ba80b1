/**
 * Ingest: reads one events or accounts file (JSONL or CSV, plain or gzip,
 * or Parquet), streaming, and hands each valid row to the sink as a model record and each
 * bad row as a rejection. Counts always add up: read = accepted + rejected + blank.
 */
import type { AccountRecord, EventRecord, FileStats, InputKind, Rejection } from '../model.ts';
import { roleColumns } from './columns.ts';
import { inputChunks, sniffFormat, type InputDigest } from './open-input.ts';
import { parquetRows } from './parquet-rows.ts';
import type { IngestPool } from './pool.ts';
import { readParallel, readParquetParallel } from './read-parallel.ts';
import { RecordSplitter } from './record-splitter.ts';
import { csvRows, jsonlRows } from './row-readers.ts';
import { ROLES, makeValidator } from './validate.ts';
import type { AggregateSpec } from './worker-aggregate.ts';

export { detectFormat, isPlainText, sniffFormat, type InputDigest } from './open-input.ts';
export { IngestPool } from './pool.ts';
export { mergeParts, type AggregateSpec, type WorkerPart } from './worker-aggregate.ts';
export { AccountRowSchema, EventRowSchema } from './schemas.ts';

export interface IngestOptions {
  /** A line (JSONL) or record (CSV) longer than this many bytes is rejected unread (config.ingest.maxLineBytes). */
  maxLineBytes: number;
  /** Characters of a rejected row kept in `raw` (config.ingest.rawPreviewChars). */
  rawPreviewChars: number;
  /** Role → column name in this file (config.columns.events or .accounts); unmapped roles use their own name. */
  columns: Partial<Record<string, string>>;
  /**
   * With a pool, add an events file's rows to each worker's own aggregate
   * instead of handing them to `sink.event` (worker-aggregate.ts); the caller
   * takes the parts with `pool.collect()` once every file is read.
   */
  aggregate?: AggregateSpec | null;
}

export interface IngestSink {
  /** `promptHash`, when given, is murmur3Utf8(record.prompt) (src/util/hash.ts), computed on the thread that parsed the row. */
  event?(record: EventRecord, promptHash?: number): void;
  account?(record: AccountRecord): void;
  reject(rejection: Rejection): void;
  /** Rows aggregated on the workers instead (IngestOptions.aggregate), a piece at a time: for progress. */
  aggregated?(rows: number): void;
}

/**
 * Streams `file` through validation into `sink`; resolves to the file's counts.
 * With a pool, JSONL and CSV are parsed and validated on its worker threads,
 * and the sink receives the same records and rejections in the same order.
 */
export async function readInput(
  file: string,
  kind: InputKind,
  options: IngestOptions,
  sink: IngestSink,
  pool: IngestPool | null = null,
  /** With a pool, a plain JSONL or CSV file is hashed into it as it is read (see isPlainText). */
  digest?: InputDigest,
): Promise<FileStats> {
  const format = await sniffFormat(file);
  const stats: FileStats = { file, kind, format, read: 0, accepted: 0, rejected: 0, blank: 0 };
  const cols = roleColumns(ROLES[kind], options.columns);
  const ctx = {
    file,
    kind,
    maxLineBytes: options.maxLineBytes,
    rawPreviewChars: options.rawPreviewChars,
    cols,
    stats,
    validate: makeValidator(kind, cols, sink),
    reject: (rejection: Rejection) => sink.reject(rejection),
  };
  if (pool !== null) {
    const aggregate = kind === 'events' ? (options.aggregate ?? null) : null;
    const spec = { file, kind, cols, maxLineBytes: options.maxLineBytes, rawPreviewChars: options.rawPreviewChars, aggregate };
    if (format === 'parquet') await readParquetParallel(spec, stats, sink, pool);
    else await readParallel({ ...spec, format }, stats, sink, pool, digest);
    return stats;
  }
  if (format === 'parquet') {
    await parquetRows(ctx);
    return stats;
  }
  const rows = format === 'jsonl' ? jsonlRows(ctx) : csvRows(ctx);
  const splitter = new RecordSplitter(format === 'csv', options.maxLineBytes, options.rawPreviewChars, rows);

  for await (const chunk of inputChunks(file)) splitter.push(chunk);
  splitter.end();
  return stats;
}
