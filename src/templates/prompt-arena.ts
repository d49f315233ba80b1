/**
 * Texts held outside the JavaScript heap, in Buffers of 64 MiB: each text in
 * Latin-1 (one byte a character) when every character fits, else as UTF-16
 * code units, so any JavaScript string — lone surrogates included — comes
 * back exactly. The prompt sample holds up to millions of texts and evicts
 * many more; as strings they were millions of old-generation objects for the
 * garbage collector to mark again and again. Freed texts leave holes, which
 * compaction reclaims once they outweigh the live texts.
 */
import { grow } from '../util/grow.ts';

const NON_LATIN1 = /[^\x00-\xff]/;
const CHUNK = 64 << 20;

export class TextArena {
  private chunks: Buffer[] = [];
  /** Bytes used in the last chunk. */
  private used = 0;
  private live = 0;
  private holes = 0;
  /** Per slot: chunk, byte offset, byte length (-1 once freed), 1 for UTF-16. */
  private chunk = new Int32Array(1024);
  private start = new Int32Array(1024);
  private length = new Int32Array(1024);
  private wide = new Uint8Array(1024);
  private readonly free: number[] = [];
  private slots = 0;

  /** Stores `text`; returns its slot. */
  put(text: string): number {
    const wide = NON_LATIN1.test(text);
    const n = wide ? text.length * 2 : text.length;
    const slot = this.free.length > 0 ? this.free.pop()! : this.newSlot();
    this.place(slot, n);
    this.chunks[this.chunk[slot]].write(text, this.start[slot], n, wide ? 'utf16le' : 'latin1');
    this.wide[slot] = wide ? 1 : 0;
    this.live += n;
    return slot;
  }

  get(slot: number): string {
    const at = this.start[slot];
    return this.chunks[this.chunk[slot]].toString(this.wide[slot] ? 'utf16le' : 'latin1', at, at + this.length[slot]);
  }

  release(slot: number): void {
    const n = this.length[slot];
    this.live -= n;
    this.holes += n;
    this.length[slot] = -1;
    this.free.push(slot);
    if (this.holes > CHUNK && this.holes > this.live) this.compact();
  }

  /** Room for `n` bytes at the end of the last chunk, or in a new one. */
  private place(slot: number, n: number): void {
    const last = this.chunks.length - 1;
    if (last < 0 || this.used + n > this.chunks[last].length) {
      this.chunks.push(Buffer.allocUnsafe(Math.max(CHUNK, n)));
      this.used = 0;
    }
    this.chunk[slot] = this.chunks.length - 1;
    this.start[slot] = this.used;
    this.length[slot] = n;
    this.used += n;
  }

  private newSlot(): number {
    if (this.slots === this.length.length) {
      const n = this.slots * 2;
      this.chunk = grow(this.chunk, new Int32Array(n));
      this.start = grow(this.start, new Int32Array(n));
      this.length = grow(this.length, new Int32Array(n));
      this.wide = grow(this.wide, new Uint8Array(n));
    }
    return this.slots++;
  }

  /** Copy the live texts into fresh chunks, dropping the holes. */
  private compact(): void {
    const old = this.chunks;
    this.chunks = [];
    this.used = 0;
    for (let slot = 0; slot < this.slots; slot++) {
      const n = this.length[slot];
      if (n < 0) continue;
      const from = old[this.chunk[slot]];
      const at = this.start[slot];
      this.place(slot, n);
      from.copy(this.chunks[this.chunk[slot]], this.start[slot], at, at + n);
    }
    this.holes = 0;
  }
}
