/**
 * Open-addressing hash table from 32-bit keys (already well mixed, e.g.
 * shingle hashes) to two int32 slots, with linear probing and doubling. Typed
 * arrays only, so millions of shingles cost 12 bytes each at load ≤ 1/2 and no
 * garbage. Key 0 marks an empty slot; callers' key 0 is stored as 1.
 */
export class U32Table {
  keys: Uint32Array;
  a: Int32Array;
  b: Int32Array;
  size = 0;
  private mask: number;

  constructor(capacity = 1024) {
    let cap = 1024;
    while (cap < capacity * 2) cap *= 2;
    this.keys = new Uint32Array(cap);
    this.a = new Int32Array(cap);
    this.b = new Int32Array(cap);
    this.mask = cap - 1;
  }

  /** Slot of key, or −1. */
  find(key: number): number {
    const k = key >>> 0 || 1;
    const keys = this.keys;
    const mask = this.mask;
    let i = k & mask;
    for (;;) {
      const s = keys[i]!;
      if (s === k) return i;
      if (s === 0) return -1;
      i = (i + 1) & mask;
    }
  }

  /** Slot of key, inserted (a = b = init) if missing. A later insert may move slots. */
  slot(key: number, init = 0): number {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const k = key >>> 0 || 1;
    const keys = this.keys;
    const mask = this.mask;
    let i = k & mask;
    for (;;) {
      const s = keys[i]!;
      if (s === k) return i;
      if (s === 0) {
        keys[i] = k;
        this.a[i] = init;
        this.b[i] = init;
        this.size++;
        return i;
      }
      i = (i + 1) & mask;
    }
  }

  private grow(): void {
    const { keys, a, b } = this;
    const cap = keys.length * 2;
    this.keys = new Uint32Array(cap);
    this.a = new Int32Array(cap);
    this.b = new Int32Array(cap);
    this.mask = cap - 1;
    for (let j = 0; j < keys.length; j++) {
      const k = keys[j]!;
      if (k === 0) continue;
      let i = k & this.mask;
      while (this.keys[i] !== 0) i = (i + 1) & this.mask;
      this.keys[i] = k;
      this.a[i] = a[j]!;
      this.b[i] = b[j]!;
    }
  }
}
