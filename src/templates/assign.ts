/**
 * Assignment of prompts to frames by containment (Broder 1997): a prompt
 * matches a frame when it holds ≥ minContainment of the frame's shingles,
 * whatever else it holds, so long fillings and fillings at any position do
 * not matter, and a framing with a changed word still matches. Of the frames
 * a prompt matches, the most specific wins (most matched shingles, then the
 * larger frame, then the lower frame index): a prompt of "You are a helpful
 * assistant. Translate to French: <*>" also contains the popular "You are a
 * helpful assistant. <*>" but goes to the former. The index is a typed hash
 * table from shingle hash to a chain of (frame, entry) postings.
 */
import { U32Table } from './hash-table.ts';
import type { Scratch } from './scratch.ts';

export class FrameIndex {
  private readonly table: U32Table;
  private readonly entryFrame: Int32Array;
  private readonly entryNext: Int32Array;
  /** Prompt stamp per entry: a shingle repeated in one prompt counts once. */
  private readonly entrySeen: Int32Array;
  private readonly sizes: Int32Array;
  private readonly hits: Int32Array;
  private readonly hitStamp: Int32Array;
  private readonly touched: Int32Array;
  private stamp = 0;

  constructor(frames: ReadonlyArray<Uint32Array>, private readonly minContainment: number) {
    let total = 0;
    for (const f of frames) total += f.length;
    this.table = new U32Table(total);
    this.entryFrame = new Int32Array(total);
    this.entryNext = new Int32Array(total);
    this.entrySeen = new Int32Array(total);
    this.sizes = Int32Array.from(frames, (f) => f.length);
    this.hits = new Int32Array(frames.length);
    this.hitStamp = new Int32Array(frames.length);
    this.touched = new Int32Array(frames.length);
    let e = 0;
    frames.forEach((f, t) => {
      for (let i = 0; i < f.length; i++) {
        const slot = this.table.slot(f[i]!, -1);
        this.entryFrame[e] = t;
        this.entryNext[e] = this.table.a[slot]!;
        this.table.a[slot] = e++;
      }
    });
  }

  /**
   * Frames the loaded prompt matches, best first, written into out (at most
   * out.length); returns how many.
   */
  match(s: Scratch, out: Int32Array): number {
    const stamp = ++this.stamp;
    const { table, entryFrame, entryNext, entrySeen, hits, hitStamp, touched } = this;
    let nTouched = 0;
    const hashes = s.hashes;
    for (let i = 0; i < s.count; i++) {
      const slot = table.find(hashes[i]!);
      if (slot < 0) continue;
      for (let e = table.a[slot]!; e >= 0; e = entryNext[e]!) {
        if (entrySeen[e] === stamp) continue;
        entrySeen[e] = stamp;
        const t = entryFrame[e]!;
        if (hitStamp[t] !== stamp) {
          hitStamp[t] = stamp;
          hits[t] = 0;
          touched[nTouched++] = t;
        }
        hits[t]++;
      }
    }
    let n = 0;
    for (let j = 0; j < nTouched; j++) {
      const t = touched[j]!;
      if (hits[t]! < this.minContainment * this.sizes[t]!) continue;
      // Insertion into the short best-first list.
      let pos = Math.min(n, out.length);
      while (pos > 0 && this.better(t, out[pos - 1]!)) pos--;
      if (pos >= out.length) continue;
      for (let q = Math.min(n, out.length - 1); q > pos; q--) out[q] = out[q - 1]!;
      out[pos] = t;
      if (n < out.length) n++;
    }
    return n;
  }

  private better(a: number, b: number): boolean {
    const ha = this.hits[a]!;
    const hb = this.hits[b]!;
    if (ha !== hb) return ha > hb;
    if (this.sizes[a] !== this.sizes[b]) return this.sizes[a]! > this.sizes[b]!;
    return a < b;
  }
}
