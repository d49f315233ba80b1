/**
 * Parquet reader comparison: rows/s and peak RSS reading one Parquet file
 * into JavaScript values, one reader per process (peak RSS is per process).
 *
 *   node --import tsx bench/parquet-readers.ts FILE.parquet hyparquet|duckdb|ingest
 *
 * hyparquet: every column of every row group decoded and each cell touched.
 * duckdb:    @duckdb/node-api streaming SELECT *, chunk by chunk, each cell touched.
 * ingest:    sybilscope's own readInput (hyparquet plus mapping and validation).
 * Make the file with bench/parquet-convert.ts.
 */
import { open } from 'node:fs/promises';
import { parquetMetadataAsync, parquetScan, parquetSchema } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { readInput } from '../src/ingest/index.ts';
import { PARSERS } from '../src/ingest/parquet-cells.ts';

const [file, reader] = process.argv.slice(2);
if (file === undefined || !['hyparquet', 'duckdb', 'ingest'].includes(reader)) {
  throw new Error('usage: parquet-readers.ts FILE.parquet hyparquet|duckdb|ingest');
}

async function hyparquet(): Promise<number> {
  const handle = await open(file, 'r');
  const byteLength = (await handle.stat()).size;
  const buffer = {
    byteLength,
    async slice(start: number, end = byteLength) {
      const bytes = new Uint8Array(end - start);
      await handle.read(bytes, 0, bytes.length, start);
      return bytes.buffer;
    },
  };
  const metadata = await parquetMetadataAsync(buffer, { parsers: PARSERS });
  const names = parquetSchema(metadata).children.map((c) => c.element.name);
  const scan = await parquetScan({ file: buffer, metadata, compressors, parsers: PARSERS });
  let rows = 0;
  let nonNull = 0;
  for (const { rowStart, rowEnd } of scan.ranges) {
    const columns = await Promise.all(names.map((column) => scan.readColumn({ column, rowStart, rowEnd })));
    for (let r = 0; r < rowEnd - rowStart; r++) for (const col of columns) if (col[r] != null) nonNull++;
    rows += rowEnd - rowStart;
  }
  await handle.close();
  console.error(`non-null cells: ${nonNull}`);
  return rows;
}

async function duckdb(): Promise<number> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  await conn.run('SET threads = 2');
  const result = await conn.stream(`SELECT * FROM read_parquet('${file.replace(/'/g, "''")}')`);
  let rows = 0;
  let nonNull = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (chunk === null || chunk.rowCount === 0) break;
    // DuckDB's own value objects (a timestamp is a DuckDBTimestampValue): the fastest way out measured here;
    // convertColumns(JSDuckDBValueConverter), which gives plain JS values, was ~3x slower.
    for (const col of chunk.getColumns()) for (const v of col) if (v != null) nonNull++;
    rows += chunk.rowCount;
  }
  console.error(`non-null cells: ${nonNull}`);
  return rows;
}

async function ingest(): Promise<number> {
  let events = 0;
  const stats = await readInput(file, 'events', { maxLineBytes: 1 << 20, rawPreviewChars: 512, columns: {} }, {
    event: () => void events++,
    reject: () => {},
  });
  console.error(`accepted ${stats.accepted}, rejected ${stats.rejected}, blank ${stats.blank}`);
  return stats.read;
}

const started = performance.now();
const rows = await (reader === 'hyparquet' ? hyparquet() : reader === 'duckdb' ? duckdb() : ingest());
const seconds = (performance.now() - started) / 1000;
const rssMiB = process.resourceUsage().maxRSS / 1024;
console.log(
  `${reader}: ${rows.toLocaleString('en')} rows in ${seconds.toFixed(2)} s = ${Math.round(rows / seconds).toLocaleString('en')} rows/s, peak RSS ${Math.round(rssMiB)} MiB`,
);
