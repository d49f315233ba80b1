/**
 * An ingest worker thread: reads each piece (piece-reader.ts) or Parquet row
 * group (parquet-piece.ts) it is sent and posts the result back, its typed
 * arrays transferred. A failure is posted as
 * { code, message } for the main thread to raise as one UserError line.
 */
import { parentPort } from 'node:worker_threads';
import { UserError } from '../util/errors.ts';
import { readParquetGroup, type RowGroupSpec } from './parquet-piece.ts';
import { readPiece, transferables, type PieceSpec } from './piece-reader.ts';

/** A piece of a JSONL or CSV file (`bytes`), or a row group of a Parquet file (`group`). */
export type JobBody = { spec: PieceSpec; bytes: Uint8Array } | { spec: RowGroupSpec; group: number };
export type PieceJob = { id: number } & JobBody;

const port = parentPort!;
port.on('message', async (job: PieceJob) => {
  try {
    const result = 'bytes' in job ? readPiece(job.spec, job.bytes) : await readParquetGroup(job.spec, job.group);
    port.postMessage({ id: job.id, result }, transferables(result));
  } catch (err) {
    const code = err instanceof UserError ? err.code : null;
    const message = err instanceof Error ? err.message : String(err);
    port.postMessage({ id: job.id, error: { code, message } });
  }
});
