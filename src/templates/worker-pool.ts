/**
 * A fixed set of worker threads, each running one TypeScript entry (booted
 * through src/util/worker-boot.mjs), called by message: call(w, op, payload) resolves
 * with worker w's answer. The entry answers with serve() below. An op that
 * throws, or whose answer cannot be posted, answers with the error, which
 * rejects that call; a worker that dies (an uncaught error, an exit, with
 * code 0 too) rejects every call pending on it and every later one, so a
 * failure is an error and never a hang. close() terminates
 * every worker; callers close in a finally.
 */
import { parentPort, Worker, type Transferable } from 'node:worker_threads';

interface Pending {
  worker: number;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/** An answer from a worker: the result of call `id`, or the error it threw. */
type Answer = { id: number; result: unknown } | { id: number; error: { message: string; stack?: string; code?: string } };

export class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private readonly dead: Array<Error | null> = [];
  private nextId = 0;
  private closed = false;

  /** Starts `size` workers running `entry` (a module URL inside the repo). */
  constructor(entry: URL, size: number) {
    const boot = new URL('../util/worker-boot.mjs', import.meta.url);
    for (let w = 0; w < size; w++) {
      const worker = new Worker(boot, { workerData: { __entry: entry.href } });
      this.dead.push(null);
      worker.on('message', (m: Answer) => this.answer(m));
      worker.on('error', (err) => this.fail(w, err));
      worker.on('exit', (code) => this.fail(w, new Error(`template worker ${w} exited (code ${code})`)));
      this.workers.push(worker);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  /** Runs `op` on worker w; payload buffers listed in `transfer` move rather than copy. */
  call<T>(w: number, op: string, payload: unknown, transfer: Transferable[] = []): Promise<T> {
    const dead = this.dead[w];
    if (dead) return Promise.reject(dead);
    if (this.closed) return Promise.reject(new Error('template workers: the pool is closed'));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { worker: w, resolve: resolve as (v: unknown) => void, reject });
      this.workers[w]!.postMessage({ id, op, payload }, transfer);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private answer(m: Answer): void {
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    if ('error' in m) {
      const error = new Error(`template worker ${p.worker}: ${m.error.message}`);
      if (m.error.stack) error.stack = `${error.message}\n--- in the worker ---\n${m.error.stack}`;
      p.reject(error);
    } else p.resolve(m.result);
  }

  private fail(w: number, err: Error): void {
    if (this.dead[w]) return;
    const error = this.closed ? new Error('template workers: the pool is closed') : new Error(`template worker ${w} failed: ${err?.message ?? String(err)}`, { cause: err });
    this.dead[w] = error;
    for (const [id, p] of this.pending) {
      if (p.worker !== w) continue;
      this.pending.delete(id);
      p.reject(error);
    }
  }
}

/** The answer of an op: its result, and the buffers to move back rather than copy. */
export interface Reply {
  result: unknown;
  transfer?: Transferable[];
}

/** Inside a worker: answers calls with the named handlers (a thrown error or rejection becomes the call's error). */
export function serve(handlers: Record<string, (payload: never) => Reply | Promise<Reply>>): void {
  const port = parentPort;
  if (!port) throw new Error('serve() runs inside a worker thread');
  port.on('message', (m: { id: number; op: string; payload: never }) => {
    const handler = handlers[m.op];
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`unknown op "${m.op}"`);
        return handler(m.payload);
      })
      // A reply that cannot be posted (a DataCloneError: a value that does not clone, a buffer
      // listed twice) is the call's error too, and the worker lives on.
      .then(({ result, transfer = [] }) => port.postMessage({ id: m.id, result }, transfer))
      .catch((err: unknown) => {
        const e = err instanceof Error ? err : new Error(String(err));
        port.postMessage({ id: m.id, error: { message: e.message, stack: e.stack, code: (e as { code?: string }).code } });
      });
  });
}
