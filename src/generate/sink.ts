/**
 * A buffered line writer to a file, optionally gzip-compressed. Lines are
 * encoded straight into ~1 MB buffers (no intermediate join); a full buffer
 * is handed to the stream and the caller awaits `flush()` when `full`, so
 * disk backpressure bounds memory.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { createGzip } from 'node:zlib';

const CHUNK_BYTES = 1 << 20;

export class LineSink {
  private buf = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  private waiting = false;
  private readonly head: Writable;
  private readonly done: Promise<void>;

  constructor(path: string, gzip: boolean) {
    const file = createWriteStream(path);
    if (gzip) {
      const gz = createGzip();
      this.head = gz;
      this.done = pipeline(gz, file);
    } else {
      this.head = file;
      this.done = once(file, 'close').then(() => undefined);
    }
    // Errors surface through `done` (awaited in flush and close); keep them from being unhandled meanwhile.
    this.done.catch(() => undefined);
  }

  /** Appends `line` and a newline. */
  push(line: string): void {
    const worst = line.length * 3 + 1;
    if (this.used + worst > this.buf.length) this.handOff(Math.max(CHUNK_BYTES, worst));
    this.used += this.buf.write(line, this.used);
    this.buf[this.used++] = 10;
  }

  /** True when the caller should `await flush()`. */
  get full(): boolean {
    return this.waiting || this.used >= CHUNK_BYTES >> 1;
  }

  private handOff(nextSize = CHUNK_BYTES): void {
    if (this.used > 0 && !this.head.write(this.buf.subarray(0, this.used))) this.waiting = true;
    this.buf = Buffer.allocUnsafe(nextSize);
    this.used = 0;
  }

  async flush(): Promise<void> {
    this.handOff();
    if (this.waiting) {
      await Promise.race([once(this.head, 'drain'), this.done]);
      this.waiting = false;
    }
  }

  /** Abandons the file after an error. */
  destroy(): void {
    this.head.destroy();
  }

  async close(): Promise<void> {
    this.handOff();
    this.head.end();
    await this.done;
  }
}
