/**
 * One Parquet row group read on a worker thread: the worker opens the file
 * itself (and keeps it open for the file's next row groups), decodes the row
 * group and validates its rows, collecting them as a piece (piece-reader.ts).
 * Row numbers are the file's own, so a row group's result needs no offset.
 */
import { openParquet, readRowGroup, type ParquetFile } from './parquet-rows.ts';
import { PieceCollector, type PieceResult, type PieceSpec } from './piece-reader.ts';

/** A Parquet file's spec: a piece spec without the text-only fields. */
export type RowGroupSpec = Omit<PieceSpec, 'format' | 'header' | 'first'>;

let current: { file: string; open: Promise<ParquetFile> } | null = null;

/** The open file, opened (and the one before closed) if it is another. */
function parquetFile(spec: RowGroupSpec): Promise<ParquetFile> {
  if (current?.file !== spec.file) {
    current?.open.then((pq) => pq.handle.close()).catch(() => {});
    current = { file: spec.file, open: openParquet(spec) };
  }
  return current.open;
}

export async function readParquetGroup(spec: RowGroupSpec, group: number): Promise<PieceResult> {
  const pq = await parquetFile(spec);
  const collector = new PieceCollector({ ...spec, format: 'parquet' });
  await readRowGroup(collector.ctx, pq, group);
  return collector.result(0);
}
