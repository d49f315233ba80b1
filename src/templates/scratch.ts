/** Reusable buffers for one prompt at a time: normalised code units, source map, shingle hashes and positions. */
import { normaliseInto } from './normalise.ts';
import { shingleHashes } from './shingles.ts';

export class Scratch {
  codes = new Uint16Array(4096);
  map = new Int32Array(4096);
  hashes = new Uint32Array(4096);
  pos = new Int32Array(4096);
  /** Per-shingle scratch (document frequencies in the skeleton pass). */
  ints = new Int32Array(4096);
  /** Normalised length of the last loaded text. */
  len = 0;
  /** Shingle count of the last loaded text. */
  count = 0;

  /** Normalise and shingle `text` (all shingles, or anchored ones only); results in codes[0, len), hashes/pos[0, count). */
  load(text: string, k: number, withMap = false, anchored = false): this {
    if (text.length > this.codes.length) {
      const cap = Math.max(text.length, this.codes.length * 2);
      this.codes = new Uint16Array(cap);
      this.map = new Int32Array(cap);
      this.hashes = new Uint32Array(cap);
      this.pos = new Int32Array(cap);
      this.ints = new Int32Array(cap);
    }
    this.len = normaliseInto(text, this.codes, withMap ? this.map : undefined);
    this.count = shingleHashes(this.codes, this.len, k, this.hashes, this.pos, anchored);
    return this;
  }
}
