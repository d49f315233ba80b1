/**
 * Read-only inverted lists from 32-bit keys (well mixed, e.g. shingle hashes)
 * to int32 values, built once from (key, value) pairs: values in one
 * contiguous array (compressed sparse rows), and an open-addressing table of
 * interleaved [key, start, end] cells so a lookup touches one cache line. A
 * bitset over the key's low bits answers most misses without touching the
 * table — the common case when every shingle of a prompt is looked up and few
 * are in any list.
 */
import { U32Table } from './hash-table.ts';

export class PostingLists {
  /** Values of all lists; list c is values[cells[c + 1], cells[c + 2]). */
  readonly values: Int32Array;
  /** [key, start, end] per cell; end = 0 marks an empty cell (lists are never empty). */
  readonly cells: Int32Array;
  private readonly mask: number;
  private readonly bits: Uint32Array;
  private readonly bitMask: number;
  /** Distinct keys. */
  readonly size: number;

  /** keys[i] → values[i] for i < count; each list keeps the pairs' order. */
  constructor(keys: Uint32Array, values: Int32Array, count = keys.length) {
    const ids = new U32Table(count);
    const counts: number[] = [];
    for (let i = 0; i < count; i++) {
      const slot = ids.slot(keys[i]!, -1);
      if (ids.a[slot]! < 0) (ids.a[slot] = counts.length), counts.push(0);
      counts[ids.a[slot]!]!++;
    }
    const lists = counts.length;
    this.size = lists;
    const start = new Int32Array(lists + 1);
    for (let l = 0; l < lists; l++) start[l + 1] = start[l]! + counts[l]!;
    const fill = start.slice(0, lists);
    this.values = new Int32Array(count);
    const keyOf = new Uint32Array(lists);
    for (let i = 0; i < count; i++) {
      const l = ids.a[ids.find(keys[i]!)]!;
      keyOf[l] = keys[i]!;
      this.values[fill[l]!++] = values[i]!;
    }
    let cap = 16;
    while (cap < lists * 2) cap *= 2;
    this.mask = cap - 1;
    this.cells = new Int32Array(cap * 3);
    for (let l = 0; l < lists; l++) {
      const k = keyOf[l]!;
      let c = (k >>> 0) & this.mask;
      while (this.cells[c * 3 + 2] !== 0) c = (c + 1) & this.mask;
      this.cells[c * 3] = k | 0;
      this.cells[c * 3 + 1] = start[l]!;
      this.cells[c * 3 + 2] = start[l + 1]!;
    }
    let nbits = 1 << 16;
    while (nbits < lists * 16) nbits *= 2;
    this.bits = new Uint32Array(nbits >>> 5);
    this.bitMask = nbits - 1;
    for (let l = 0; l < lists; l++) {
      const b = (keyOf[l]! >>> 7) & this.bitMask;
      this.bits[b >>> 5]! |= 1 << (b & 31);
    }
  }

  /** Offset in cells of key's [key, start, end], or −1. */
  find(key: number): number {
    const b = (key >>> 7) & this.bitMask;
    if ((this.bits[b >>> 5]! & (1 << (b & 31))) === 0) return -1;
    const cells = this.cells;
    const k = key | 0;
    for (let c = (key >>> 0) & this.mask; ; c = (c + 1) & this.mask) {
      const o = c * 3;
      if (cells[o + 2] === 0) return -1;
      if (cells[o] === k) return o;
    }
  }
}
