/**
 * An output folder written atomically: files go to a sibling temp folder,
 * which replaces the target only when the run succeeds. A failed run leaves
 * the previous output as it was. (Two renames: the old folder moves aside,
 * the new one moves in; only a crash between them leaves `OUT.old-*`.)
 */
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export class AtomicDir {
  private constructor(
    readonly target: string,
    readonly path: string,
  ) {}

  static async create(target: string): Promise<AtomicDir> {
    const parent = dirname(target);
    await mkdir(parent, { recursive: true });
    const tmp = join(parent, `.${basename(target)}.tmp-${process.pid}`);
    await rm(tmp, { recursive: true, force: true });
    await mkdir(tmp);
    return new AtomicDir(target, tmp);
  }

  /** Write a whole file. `name` is chosen by code, never by input data. */
  async write(name: string, content: string): Promise<void> {
    await writeFile(join(this.path, name), content);
  }

  /**
   * Write a small file at once, blocking: for the thousands of per-cluster
   * files, where a promise and a thread-pool round trip per file cost several
   * times the write itself. `name` is chosen by code, never by input data.
   */
  writeNow(name: string, content: string): void {
    writeFileSync(join(this.path, name), content);
  }

  /** Create a sub-folder (and its parents). `name` is chosen by code, never by input data. */
  async mkdir(name: string): Promise<void> {
    await mkdir(join(this.path, name), { recursive: true });
  }

  /** Writers still open, closed without flushing if the build aborts. */
  private readonly writers = new Set<LineWriter>();

  /** A line-by-line writer (buffered, written with blocking writes: see LineWriter). */
  lines(name: string): LineWriter {
    const writer = new LineWriter(join(this.path, name), () => this.writers.delete(writer));
    this.writers.add(writer);
    return writer;
  }

  async commit(): Promise<void> {
    const old = `${this.target}.old-${process.pid}`;
    const exists = await stat(this.target).then(() => true, () => false);
    if (exists) await rename(this.target, old);
    await rename(this.path, this.target);
    if (exists) await rm(old, { recursive: true, force: true });
  }

  async abort(): Promise<void> {
    for (const writer of this.writers) writer.discard();
    this.writers.clear();
    await rm(this.path, { recursive: true, force: true });
  }
}

/**
 * Buffered line output. `line` and `text` are synchronous so hot loops can
 * call them: text is encoded into one reused 1 MiB buffer, written to the file
 * with a blocking write whenever it fills. Gigabytes of output then allocate
 * no new buffer memory: a stream took a fresh Buffer per write, and V8 starts
 * a full collection of the heap (at the write stage, the whole build's data)
 * for every ~64 MiB of such memory.
 */
export class LineWriter {
  private fd: number | null;
  private readonly buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;

  constructor(
    path: string,
    private readonly onClose: () => void = () => {},
  ) {
    this.fd = openSync(path, 'w');
  }

  line(text: string): void {
    this.text(text);
    this.text('\n');
  }

  /** Text with no line break added: a file too big for one string is written in parts. */
  text(text: string): void {
    // A UTF-16 code unit is at most 3 bytes of UTF-8.
    if (this.used + text.length * 3 > this.buffer.length) {
      this.flush();
      if (text.length * 3 > this.buffer.length) {
        this.writeAll(Buffer.from(text));
        return;
      }
    }
    this.used += this.buffer.write(text, this.used);
  }

  private flush(): void {
    if (this.used === 0) return;
    this.writeAll(this.buffer.subarray(0, this.used));
    this.used = 0;
  }

  private writeAll(bytes: Uint8Array): void {
    if (this.fd === null) throw new Error('LineWriter: written after close');
    for (let at = 0; at < bytes.length; ) at += writeSync(this.fd, bytes, at, bytes.length - at);
  }

  async close(): Promise<void> {
    this.flush();
    this.discard();
  }

  /** Close the file without writing what is buffered (the output is being thrown away). */
  discard(): void {
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
    this.onClose();
  }
}

const BUFFER_BYTES = 1 << 20;
