/**
 * Worker threads for one parallel step: one thread per input, each running a
 * TypeScript entry module (through src/util/worker-boot.mjs) that reads
 * `workerData.input` and posts one result. A thread that throws or exits
 * without a result rejects the step, never leaves it waiting; `close`
 * terminates every thread.
 */
import { Worker } from 'node:worker_threads';

export interface WorkerPool<T> {
  /** The results in input order; rejects on the first thread that fails. */
  results: Promise<T[]>;
  /** Terminate every thread (resolves once all have exited). */
  close(): Promise<void>;
  /** The threads, for tests. */
  workers: Worker[];
}

const BOOT = new URL('./worker-boot.mjs', import.meta.url);

export function startWorkers<T>(entry: URL, inputs: unknown[]): WorkerPool<T> {
  const workers = inputs.map((input) => new Worker(BOOT, { workerData: { __entry: entry.href, input } }));
  const results = Promise.all(
    workers.map(
      (worker, n) =>
        new Promise<T>((resolve, reject) => {
          let done = false;
          worker.once('message', (result: T) => {
            done = true;
            resolve(result);
          });
          worker.once('error', reject);
          worker.once('exit', (code) => {
            if (!done) reject(new Error(`worker ${n + 1} of ${workers.length} (${entry.pathname}) exited with code ${code} before sending its result`));
          });
        }),
    ),
  );
  results.catch(() => {}); // the caller awaits it; this only keeps an early failure from counting as unhandled
  const close = async () => {
    await Promise.all(workers.map((w) => w.terminate()));
  };
  return { results, close, workers };
}

/** Run one thread per input to completion and close them. */
export async function runWorkers<T>(entry: URL, inputs: unknown[]): Promise<T[]> {
  const pool = startWorkers<T>(entry, inputs);
  try {
    return await pool.results;
  } finally {
    await pool.close();
  }
}
