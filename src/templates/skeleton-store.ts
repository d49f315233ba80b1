/**
 * Skeletons of many prompts in one growing Uint32Array with offsets, rather
 * than one typed array each: at a million prompts the per-array objects cost
 * more memory and garbage-collection time than the hashes they hold. Entry i
 * is data[start(i), end(i)), sorted and distinct.
 */
export class SkeletonStore {
  data = new Uint32Array(1 << 16);
  private offsets = new Int32Array(1 << 12);
  /** Entries stored. */
  size = 0;
  private used = 0;

  /** Appends the sorted distinct values of values[0, n) (sorted here) as a new entry; returns its index. */
  addUnsorted(values: Uint32Array, n: number): number {
    this.reserve(n);
    const from = this.used;
    this.data.set(values.subarray(0, n), from);
    const entry = this.data.subarray(from, from + n);
    entry.sort();
    let m = 0;
    for (let i = 0; i < n; i++) if (i === 0 || entry[i] !== entry[i - 1]) entry[m++] = entry[i]!;
    return this.close(from + m);
  }

  /** Appends values[0, n), already sorted and distinct (an entry of another store), as a new entry; returns its index. */
  addSorted(values: Uint32Array, n: number): number {
    this.reserve(n);
    this.data.set(values.subarray(0, n), this.used);
    return this.close(this.used + n);
  }

  /** Appends entries given as one data array and their lengths (each sorted and distinct: another store's, see miner-ops.ts), in order; returns the index of the first. */
  addEntries(data: Uint32Array, lengths: Int32Array): number {
    const first = this.size;
    const n = lengths.length;
    if (this.used + data.length > this.data.length) {
      const grown = new Uint32Array(Math.max(this.data.length * 2, this.used + data.length));
      grown.set(this.data.subarray(0, this.used));
      this.data = grown;
    }
    if (this.size + n > this.offsets.length) {
      let cap = this.offsets.length;
      while (cap < this.size + n) cap *= 2;
      const grown = new Int32Array(cap);
      grown.set(this.offsets.subarray(0, this.size));
      this.offsets = grown;
    }
    this.data.set(data, this.used);
    let end = this.used;
    for (let e = 0; e < n; e++) this.offsets[this.size + e] = end += lengths[e]!;
    this.used = end;
    this.size += n;
    return first;
  }

  start(i: number): number {
    return i === 0 ? 0 : this.offsets[i - 1]!;
  }

  end(i: number): number {
    return this.offsets[i]!;
  }

  length(i: number): number {
    return this.end(i) - this.start(i);
  }

  /** A view of entry i (valid until the next add). */
  view(i: number): Uint32Array {
    return this.data.subarray(this.start(i), this.end(i));
  }

  private reserve(n: number): void {
    if (this.used + n > this.data.length) {
      const grown = new Uint32Array(Math.max(this.data.length * 2, this.used + n));
      grown.set(this.data.subarray(0, this.used));
      this.data = grown;
    }
    if (this.size === this.offsets.length) {
      const grown = new Int32Array(this.offsets.length * 2);
      grown.set(this.offsets);
      this.offsets = grown;
    }
  }

  private close(end: number): number {
    this.used = end;
    this.offsets[this.size] = end;
    return this.size++;
  }
}
