/**
 * A pool of ingest worker threads (node:worker_threads), started once per
 * build and closed at its end. Each job is one piece of a file; a job goes
 * to the worker with the fewest jobs waiting. A worker that fails (an
 * exception, an exit, a message that cannot be read) fails its jobs and every
 * later one with a one-line UserError, so a build stops rather than hangs.
 */
import { Worker } from 'node:worker_threads';
import { UserError } from '../util/errors.ts';
import type { RowGroupSpec } from './parquet-piece.ts';
import type { PieceResult, PieceSpec } from './piece-reader.ts';
import type { WorkerPart } from './worker-aggregate.ts';
import type { JobBody } from './worker-entry.ts';

interface Pending {
  resolve(result: unknown): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
}

type Reply = { id: number; result: unknown } | { id: number; error: { code: string | null; message: string } };

export interface PoolOptions {
  /**
   * Largest piece of input sent to a worker, in bytes.
   * @default 1048576
   */
  pieceBytes?: number;
  /** The worker's module, a file URL (tests pass a failing one). */
  entry?: string;
}

export const DEFAULTS = Object.freeze({ pieceBytes: 1 << 20 });

const BOOT = new URL('../util/worker-boot.mjs', import.meta.url);
const ENTRY = new URL('./worker-entry.ts', import.meta.url).href;

function oneLine(text: string): string {
  return text.split('\n')[0].slice(0, 300);
}

export class IngestPool {
  private readonly slots: Slot[];
  private nextId = 0;
  private failure: UserError | null = null;
  private closing = false;

  /** Largest piece of input sent to a worker, in bytes (a record longer than this travels whole). */
  readonly pieceBytes: number;

  constructor(
    readonly size: number,
    options: PoolOptions = {},
  ) {
    this.pieceBytes = options.pieceBytes ?? DEFAULTS.pieceBytes;
    this.slots = Array.from({ length: size }, () => this.start(options.entry ?? ENTRY));
  }

  private start(entry: string): Slot {
    const worker = new Worker(BOOT, { workerData: { __entry: entry } });
    const slot: Slot = { worker, pending: new Map() };
    worker.on('message', (reply: Reply) => {
      const job = slot.pending.get(reply.id);
      if (job === undefined) return;
      slot.pending.delete(reply.id);
      if ('result' in reply) job.resolve(reply.result);
      else job.reject(new UserError(reply.error.code ?? 'E_WORKER', oneLine(reply.error.message)));
    });
    worker.on('error', (err) => this.fail(`an ingest worker failed: ${oneLine(err instanceof Error ? err.message : String(err))}`));
    worker.on('messageerror', (err) => this.fail(`an ingest worker's reply could not be read: ${oneLine(err.message)}`));
    worker.on('exit', (code) => {
      if (!this.closing) this.fail(`an ingest worker exited unexpectedly (code ${code})`);
    });
    return slot;
  }

  /** Every waiting job and every later one fails with this message. */
  private fail(message: string): void {
    this.failure ??= new UserError('E_WORKER', message);
    for (const slot of this.slots ?? []) {
      for (const job of slot.pending.values()) job.reject(this.failure);
      slot.pending.clear();
    }
  }

  /**
   * Reads `bytes` (a piece cut at record boundaries) on a worker. A buffer of
   * its own is transferred, so it is unusable here afterwards; a view of shared
   * memory (piece-slots.ts) is read in place, so leave it alone until the reply.
   */
  read(spec: PieceSpec, bytes: Uint8Array): Promise<PieceResult> {
    const whole = !(bytes.buffer instanceof SharedArrayBuffer) && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    return this.post({ spec, bytes }, whole ? [bytes.buffer as ArrayBuffer] : []);
  }

  /** Reads row group `group` of a Parquet file on a worker (which opens the file itself). */
  readRowGroup(spec: RowGroupSpec, group: number): Promise<PieceResult> {
    return this.post({ spec, group }, []);
  }

  /**
   * What each worker aggregated (pieces read with an AggregateSpec), in worker
   * order; null for a worker that aggregated nothing. Call once every piece is
   * read: each worker starts afresh after it.
   */
  collect(): Promise<(WorkerPart | null)[]> {
    return Promise.all(this.slots.map((slot) => this.postTo<WorkerPart | null>(slot, { collect: true }, [])));
  }

  private post(job: JobBody, transfer: ArrayBuffer[]): Promise<PieceResult> {
    let slot = this.slots[0];
    for (const s of this.slots) if (s.pending.size < slot.pending.size) slot = s;
    return this.postTo<PieceResult>(slot, job, transfer);
  }

  private postTo<T>(slot: Slot, job: JobBody, transfer: ArrayBuffer[]): Promise<T> {
    if (this.failure !== null) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      slot.pending.set(id, { resolve: resolve as (result: unknown) => void, reject });
      slot.worker.postMessage({ id, ...job }, transfer);
    });
  }

  /** Stops every worker; jobs still waiting fail. */
  async close(): Promise<void> {
    this.closing = true;
    for (const slot of this.slots) {
      for (const job of slot.pending.values()) job.reject(new UserError('E_WORKER', 'the ingest pool was closed'));
      slot.pending.clear();
    }
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
