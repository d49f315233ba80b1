/**
 * An ingest worker thread: reads each piece (piece-reader.ts) or Parquet row
 * group (parquet-piece.ts) it is sent and posts the result back, its typed
 * arrays transferred; when asked, posts what it aggregated (worker-aggregate.ts). A failure is posted as
 * { code, message } for the main thread to raise as one UserError line.
 */
import { parentPort } from 'node:worker_threads';
import { UserError } from '../util/errors.ts';
import { readParquetGroup, type RowGroupSpec } from './parquet-piece.ts';
import { readPiece, transferables, type PieceSpec } from './piece-reader.ts';
import { takePart, workerPartBuffers } from './worker-aggregate.ts';

/**
 * A piece of a JSONL or CSV file (`bytes`), a row group of a Parquet file
 * (`group`), or a request for what this worker aggregated (`collect`).
 */
export type JobBody = { spec: PieceSpec; bytes: Uint8Array } | { spec: RowGroupSpec; group: number } | { collect: true };
export type PieceJob = { id: number } & JobBody;

const port = parentPort!;
port.on('message', async (job: PieceJob) => {
  try {
    if ('collect' in job) {
      const part = takePart();
      port.postMessage({ id: job.id, result: part }, workerPartBuffers(part));
      return;
    }
    const result = 'bytes' in job ? readPiece(job.spec, job.bytes) : await readParquetGroup(job.spec, job.group);
    port.postMessage({ id: job.id, result }, transferables(result));
  } catch (err) {
    const code = err instanceof UserError ? err.code : null;
    const message = err instanceof Error ? err.message : String(err);
    port.postMessage({ id: job.id, error: { code, message } });
  }
});
