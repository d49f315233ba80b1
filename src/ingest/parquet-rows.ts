/**
 * Parquet input: reads a file one row group at a time with hyparquet (pure
 * JavaScript; chosen over DuckDB by measurement, see the README), so memory
 * is bounded by the largest row group, not the file. Columns map to roles by
 * name as in CSV; each row becomes a JSON-like object (parquet-cells.ts) and
 * goes through the same validator. A row's "line" is its 1-based row number
 * in the file; a row whose every cell is null counts as blank.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { parquetMetadataAsync, parquetScan, parquetSchema, type AsyncBuffer, type FileMetaData } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { UserError } from '../util/errors.ts';
import { PARSERS, jsonValue, roleCell } from './parquet-cells.ts';
import { oneLine } from './reasons.ts';
import { rejecter, type RowContext } from './row-readers.ts';
import { REQUIRED, ROLES } from './validate.ts';

/** Roles whose INT64 cells are epoch times of unknown unit (see int64TimeMs). */
const TIME_ROLES = new Set(['timestamp', 'created_at']);

/** Reads byte ranges of an open file, as hyparquet asks for them. */
function fileBuffer(handle: FileHandle, byteLength: number): AsyncBuffer {
  return {
    byteLength,
    async slice(start: number, end = byteLength): Promise<ArrayBuffer> {
      const bytes = new Uint8Array(Math.max(0, end - start));
      let done = 0;
      while (done < bytes.length) {
        const { bytesRead } = await handle.read(bytes, done, bytes.length - done, start + done);
        if (bytesRead === 0) throw new Error(`the file ends at byte ${start + done}, before byte ${end}`);
        done += bytesRead;
      }
      return bytes.buffer;
    },
  };
}

function formatError(file: string, what: string, err: unknown): UserError {
  const detail = oneLine(err instanceof Error ? err.message : String(err));
  return new UserError('E_INPUT_FORMAT', `${file}: not a readable Parquet file: ${what} (${detail})`);
}

/**
 * Every column chunk must start between the leading magic bytes and the footer:
 * a spoilt offset in the footer would otherwise read as a column of nulls.
 */
function checkChunks(file: string, metadata: FileMetaData, size: number): void {
  const end = size - 8 - metadata.metadata_length;
  metadata.row_groups.forEach((group, g) => {
    for (const chunk of group.columns) {
      const meta = chunk.meta_data;
      if (meta === undefined) continue;
      // Only the start is checked: some writers count index pages in total_compressed_size.
      const start = Number(meta.dictionary_page_offset ?? meta.data_page_offset);
      const data = Number(meta.data_page_offset);
      if (!(start >= 4 && data >= start && data < end)) {
        const path = JSON.stringify(meta.path_in_schema.join('.'));
        throw formatError(file, `row group ${g + 1}, column ${path}, points outside the file`, `byte ${data} of ${size}`);
      }
    }
  });
}

/** Top-level column names, with each role's column index (-1 if absent); E_INPUT_HEADER if a required role is missing. */
function mapColumns(ctx: Pick<RowContext, 'file' | 'kind' | 'cols'>, metadata: FileMetaData) {
  const names = parquetSchema(metadata).children.map((child) => child.element.name);
  const roles = ROLES[ctx.kind];
  const roleIndex = ctx.cols.map((col) => names.indexOf(col));
  const missing = REQUIRED[ctx.kind].filter((role) => roleIndex[roles.indexOf(role)] < 0);
  if (missing.length > 0) {
    const cols = missing.map((role) => JSON.stringify(ctx.cols[roles.indexOf(role)])).join(', ');
    throw new UserError(
      'E_INPUT_HEADER',
      `${ctx.file}: the Parquet schema has no ${cols} column; map it with --column or config columns.${ctx.kind}`,
    );
  }
  const used = new Set(roleIndex);
  const extraIndex = names.map((_, i) => i).filter((i) => !used.has(i));
  return { names, roles, roleIndex, extraIndex, time: roles.map((role) => TIME_ROLES.has(role)) };
}

/** An open, checked Parquet file: its column mapping and its row groups, in order. */
export interface ParquetFile {
  handle: FileHandle;
  columns: ReturnType<typeof mapColumns>;
  scan: Awaited<ReturnType<typeof parquetScan>>;
  /** Row ranges of the row groups, in file order, covering every row. */
  ranges: { rowStart: number; rowEnd: number }[];
}

/** Opens `ctx.file` and checks its footer, its column chunks and the role columns; close `handle` when done. */
export async function openParquet(ctx: Pick<RowContext, 'file' | 'kind' | 'cols'>): Promise<ParquetFile> {
  const { file } = ctx;
  let handle: FileHandle;
  let size: number;
  try {
    handle = await open(file, 'r');
    size = (await handle.stat()).size;
  } catch (err) {
    throw new UserError('E_INPUT_MISSING', `${file}: cannot open input file (${oneLine(String(err))})`);
  }
  try {
    const buffer = fileBuffer(handle, size);
    let metadata: FileMetaData;
    try {
      metadata = await parquetMetadataAsync(buffer, { parsers: PARSERS });
    } catch (err) {
      throw formatError(file, 'its footer (metadata) is corrupt', err);
    }
    checkChunks(file, metadata, size);
    const columns = mapColumns(ctx, metadata);
    const scan = await parquetScan({ file: buffer, metadata, compressors, parsers: PARSERS }).catch((err) => {
      throw formatError(file, 'its row groups could not be planned', err);
    });
    // No filter, so the ranges are the row groups in order; check, since a gap would lose rows silently.
    let next = 0;
    for (const range of scan.ranges) {
      if (range.rowStart !== next) throw formatError(file, `rows from ${next + 1} are not covered`, 'row groups out of order');
      next = range.rowEnd;
    }
    if (next !== Number(metadata.num_rows)) {
      throw formatError(file, `its row groups hold ${next} rows, its footer says ${metadata.num_rows}`, 'row count mismatch');
    }
    const ranges = scan.ranges.map(({ rowStart, rowEnd }) => ({ rowStart, rowEnd }));
    return { handle, columns, scan, ranges };
  } catch (err) {
    await handle.close();
    throw err;
  }
}

/** Streams the rows of row group `g` of an open Parquet file through validation. */
export async function readRowGroup(ctx: RowContext, pq: ParquetFile, g: number): Promise<void> {
  const { file, stats, validate } = ctx;
  const reject = rejecter(ctx);
  const { names, roles, roleIndex, extraIndex, time } = pq.columns;
  const { rowStart, rowEnd } = pq.ranges[g];
  const width = names.length;
  let columns: ArrayLike<unknown>[];
  try {
    columns = await Promise.all(names.map((column) => pq.scan.readColumn({ column, rowStart, rowEnd })));
  } catch (err) {
    throw formatError(file, `rows ${rowStart + 1}–${rowEnd} could not be decoded`, err);
  }
  const short = columns.findIndex((column) => column.length !== rowEnd - rowStart);
  if (short >= 0) {
    const got = `${columns[short].length} values for ${rowEnd - rowStart} rows`;
    throw formatError(file, `column ${JSON.stringify(names[short])} of rows ${rowStart + 1}–${rowEnd} is incomplete`, got);
  }
  for (let r = 0; r < rowEnd - rowStart; r++) {
    const line = rowStart + r + 1;
    stats.read++;
    let blank = true;
    for (let c = 0; c < width && blank; c++) blank = columns[c][r] === null || columns[c][r] === undefined;
    if (blank) {
      stats.blank++;
      continue;
    }
    const cells: Record<string, unknown> = {};
    for (let i = 0; i < roles.length; i++) {
      const c = roleIndex[i];
      cells[roles[i]] = c < 0 ? undefined : roleCell(columns[c][r], time[i]);
    }
    const extra: Record<string, unknown> = Object.create(null);
    for (const c of extraIndex) {
      const value = columns[c][r];
      if (value !== null && value !== undefined) extra[names[c]] = jsonValue(value);
    }
    const reason = validate(cells, extra);
    if (reason === null) stats.accepted++;
    else reject(line, reason, rawRow(names, columns, r));
  }
}

/** Streams the rows of the Parquet file `ctx.file` through validation, row group by row group. */
export async function parquetRows(ctx: RowContext): Promise<void> {
  const pq = await openParquet(ctx);
  try {
    for (let g = 0; g < pq.ranges.length; g++) await readRowGroup(ctx, pq, g);
  } finally {
    await pq.handle.close();
  }
}

/** One row as a JSON line, for rejected.jsonl. */
function rawRow(names: readonly string[], columns: ArrayLike<unknown>[], r: number): string {
  const row: Record<string, unknown> = Object.create(null);
  for (let c = 0; c < names.length; c++) row[names[c]] = jsonValue(columns[c][r]);
  return JSON.stringify(row);
}
