/**
 * An output folder written atomically: files go to a sibling temp folder,
 * which replaces the target only when the run succeeds. A failed run leaves
 * the previous output as it was. (Two renames: the old folder moves aside,
 * the new one moves in; only a crash between them leaves `OUT.old-*`.)
 */
import { createWriteStream, writeFileSync } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
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

  /** A line-by-line writer that respects back-pressure. */
  lines(name: string): LineWriter {
    return new LineWriter(join(this.path, name));
  }

  async commit(): Promise<void> {
    const old = `${this.target}.old-${process.pid}`;
    const exists = await stat(this.target).then(() => true, () => false);
    if (exists) await rename(this.target, old);
    await rename(this.path, this.target);
    if (exists) await rm(old, { recursive: true, force: true });
  }

  async abort(): Promise<void> {
    await rm(this.path, { recursive: true, force: true });
  }
}

/**
 * Buffered line output. `line` is synchronous so hot loops can call it; the
 * stream drains at disk speed, which outpaces any stage that produces lines.
 */
export class LineWriter {
  private readonly stream;
  private buffer: string[] = [];
  private size = 0;

  constructor(path: string) {
    this.stream = createWriteStream(path);
  }

  line(text: string): void {
    this.text(text);
    this.text('\n');
  }

  /** Text with no line break added: a file too big for one string is written in parts. */
  text(text: string): void {
    this.buffer.push(text);
    this.size += text.length;
    if (this.size > 1 << 16) this.flush();
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    this.stream.write(this.buffer.join(''));
    this.buffer = [];
    this.size = 0;
  }

  async close(): Promise<void> {
    this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}
