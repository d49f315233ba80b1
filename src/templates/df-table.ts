/**
 * Document frequency of shingle hashes: open addressing with linear probing
 * over one interleaved Uint32Array of [key, count] pairs, so a probe touches
 * one cache line (the table outgrows the caches on large inputs, and this is
 * the miner's hottest memory access). A prompt's repeated shingles count once,
 * through a small stamped set that stays in cache. Key 0 is stored as 1.
 */
export class DfTable {
  private cells: Uint32Array;
  private mask: number;
  size = 0;
  private seenKeys = new Uint32Array(1024);
  private seenStamp = new Int32Array(1024);
  private stamp = 0;

  constructor(capacity = 1 << 16) {
    let cap = 1024;
    while (cap < capacity * 2) cap *= 2;
    this.cells = new Uint32Array(cap * 2);
    this.mask = cap - 1;
  }

  /** Counts each distinct hash of hashes[0, count) once, for `times` identical documents. */
  addDocument(hashes: Uint32Array, count: number, times = 1): void {
    if (count * 2 > this.seenKeys.length) {
      let cap = this.seenKeys.length;
      while (cap < count * 2) cap *= 2;
      this.seenKeys = new Uint32Array(cap);
      this.seenStamp = new Int32Array(cap);
    }
    const stamp = ++this.stamp;
    const { seenKeys, seenStamp } = this;
    const seenMask = seenKeys.length - 1;
    for (let i = 0; i < count; i++) {
      const k = hashes[i]! >>> 0 || 1;
      let j = k & seenMask;
      let dup = false;
      while (seenStamp[j] === stamp) {
        if (seenKeys[j] === k) {
          dup = true;
          break;
        }
        j = (j + 1) & seenMask;
      }
      if (dup) continue;
      seenStamp[j] = stamp;
      seenKeys[j] = k;
      this.increment(k, times);
    }
  }

  private increment(k: number, times: number): void {
    if ((this.size + 1) * 2 > this.mask + 1) this.grow();
    const cells = this.cells;
    const mask = this.mask;
    let i = k & mask;
    for (;;) {
      const s = cells[2 * i]!;
      if (s === k) {
        cells[2 * i + 1] += times;
        return;
      }
      if (s === 0) {
        cells[2 * i] = k;
        cells[2 * i + 1] = times;
        this.size++;
        return;
      }
      i = (i + 1) & mask;
    }
  }

  /** Document frequency of a hash (0 if never seen). */
  get(key: number): number {
    const k = key >>> 0 || 1;
    const cells = this.cells;
    const mask = this.mask;
    let i = k & mask;
    for (;;) {
      const s = cells[2 * i]!;
      if (s === k) return cells[2 * i + 1]!;
      if (s === 0) return 0;
      i = (i + 1) & mask;
    }
  }

  /** The cells in shared memory, for DfTable.over on another thread. */
  shared(): Uint32Array {
    const cells = new Uint32Array(new SharedArrayBuffer(this.cells.byteLength));
    cells.set(this.cells);
    return cells;
  }

  /** A table over cells from shared(), to look up (get) without copying; adding to it is not supported. */
  static over(cells: Uint32Array): DfTable {
    const t = new DfTable(0);
    t.cells = cells;
    t.mask = cells.length / 2 - 1;
    return t;
  }

  private grow(): void {
    const old = this.cells;
    const cap = (this.mask + 1) * 2;
    this.cells = new Uint32Array(cap * 2);
    this.mask = cap - 1;
    for (let j = 0; j < old.length; j += 2) {
      const k = old[j]!;
      if (k === 0) continue;
      let i = k & this.mask;
      while (this.cells[2 * i] !== 0) i = (i + 1) & this.mask;
      this.cells[2 * i] = k;
      this.cells[2 * i + 1] = old[j + 1]!;
    }
  }
}
