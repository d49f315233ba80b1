/** Test helpers for Parquet input: write small Parquet files with hyparquet-writer. */
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { SchemaElement } from 'hyparquet';
import { parquetWriteBuffer, schemaFromColumnData, type BasicType } from 'hyparquet-writer';
import { tempFile } from './helpers.ts';

export interface TestColumn {
  name: string;
  data: unknown[];
  /** hyparquet-writer's type; or give `element` for a precise physical/logical type. */
  type?: BasicType;
  element?: Omit<SchemaElement, 'name'>;
}

export interface WriteOptions {
  codec?: 'SNAPPY' | 'UNCOMPRESSED' | 'GZIP' | 'BROTLI';
  rowGroupSize?: number;
}

const compressors = {
  GZIP: (input: Uint8Array) => new Uint8Array(gzipSync(input)),
  BROTLI: (input: Uint8Array) => new Uint8Array(brotliCompressSync(input)),
};

/** The bytes of a Parquet file holding `columns`. */
export function parquetBytes(columns: TestColumn[], options: WriteOptions = {}): Buffer {
  const schemaOverrides: Record<string, SchemaElement> = {};
  for (const c of columns) if (c.element) schemaOverrides[c.name] = { name: c.name, repetition_type: 'OPTIONAL', ...c.element };
  const columnData = columns.map((c) => ({ name: c.name, data: c.data, ...(c.element || !c.type ? {} : { type: c.type }) }));
  const schema = schemaFromColumnData({ columnData: columnData as never, schemaOverrides });
  const bytes = parquetWriteBuffer({
    columnData: columns.map((c) => ({ name: c.name, data: c.data })) as never,
    schema,
    codec: options.codec ?? 'SNAPPY',
    compressors,
    rowGroupSize: options.rowGroupSize ?? 100_000,
  });
  return Buffer.from(bytes);
}

/** Writes a Parquet file named `name` to a fresh temp folder; returns its path. */
export function parquetFile(name: string, columns: TestColumn[], options: WriteOptions = {}): string {
  return tempFile(name, parquetBytes(columns, options));
}
