/**
 * An ingest worker thread: reads each piece it is sent (piece-reader.ts) and
 * posts the result back, its typed arrays transferred. A failure is posted as
 * { code, message } for the main thread to raise as one UserError line.
 */
import { parentPort } from 'node:worker_threads';
import { UserError } from '../util/errors.ts';
import { readPiece, transferables, type PieceSpec } from './piece-reader.ts';

export interface PieceJob {
  id: number;
  spec: PieceSpec;
  bytes: Uint8Array;
}

const port = parentPort!;
port.on('message', (job: PieceJob) => {
  try {
    const result = readPiece(job.spec, job.bytes);
    port.postMessage({ id: job.id, result }, transferables(result));
  } catch (err) {
    const code = err instanceof UserError ? err.code : null;
    const message = err instanceof Error ? err.message : String(err);
    port.postMessage({ id: job.id, error: { code, message } });
  }
});
