/**
 * A buffered line writer to a file, optionally gzip-compressed. Lines are
 * joined into ~1 MB chunks; the caller awaits `flush()` when `full` so disk
 * backpressure bounds memory.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { createGzip } from 'node:zlib';

const CHUNK_CHARS = 1 << 20;

export class LineSink {
  private parts: string[] = [];
  private size = 0;
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
    // Errors surface through `done` or the awaited drain; keep them from being unhandled meanwhile.
    this.done.catch(() => undefined);
  }

  push(line: string): void {
    this.parts.push(line);
    this.size += line.length + 1;
  }

  get full(): boolean {
    return this.size >= CHUNK_CHARS;
  }

  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const chunk = this.parts.join('\n') + '\n';
    this.parts = [];
    this.size = 0;
    if (!this.head.write(chunk)) await Promise.race([once(this.head, 'drain'), this.done]);
  }

  async close(): Promise<void> {
    await this.flush();
    this.head.end();
    await this.done;
  }
}
