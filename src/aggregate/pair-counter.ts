/**
 * Counts of (key, value) pairs — a key's IPs, hours, user agents, accounts —
 * in one open-addressing hash table of typed arrays, instead of a Map per key.
 * At millions of keys, millions of small Maps cost ~3 KiB a key and most of
 * the build's time in the garbage collector; here a pair costs 12–24 bytes
 * and the collector sees a handful of arrays.
 *
 * Most keys repeat their value from one event to the next, so each key has a
 * pending run (value, count) and the table is touched once per run. `finish`
 * returns the counts grouped by final key index, values ascending, which does
 * not depend on the order the pairs arrived in.
 */
import { grow } from '../util/grow.ts';

const EMPTY = 0;
const MAX_LOAD = 0.6;
const MAX_COUNT = 0xffff_ffff;

export class PairCounter {
  /** Stride 3: key + 1 (0 = empty), value (as uint32), count. */
  private slots = new Uint32Array(3 << 12);
  private mask = (1 << 12) - 1;
  private used = 0;
  /** Per key: the value of its pending run, and the run's length (0 = none). */
  private runValue = new Int32Array(1024);
  private runCount = new Uint32Array(1024);

  /** One more of (key, value); `value` is an int32. */
  bump(key: number, value: number): void {
    if (key >= this.runCount.length) this.growKeys(key + 1);
    const n = this.runCount[key];
    if (n > 0 && n < MAX_COUNT && this.runValue[key] === value) {
      this.runCount[key] = n + 1;
      return;
    }
    if (n > 0) this.add(key, this.runValue[key], n);
    this.runValue[key] = value;
    this.runCount[key] = 1;
  }

  /** The value of `key`'s pending run, or -1 when it has none. */
  runOf(key: number): number {
    return key < this.runCount.length && this.runCount[key] > 0 ? this.runValue[key] : -1;
  }

  /** Add `n` to (key, value) directly, outside any run. */
  add(key: number, value: number, n: number): void {
    if (this.used + 1 > (this.mask + 1) * MAX_LOAD) this.rehash();
    const slots = this.slots;
    const v = value >>> 0;
    let i = hash(key, value) & this.mask;
    for (;;) {
      const at = i * 3;
      const k = slots[at];
      if (k === EMPTY) {
        slots[at] = key + 1;
        slots[at + 1] = v;
        slots[at + 2] = checked(n);
        this.used++;
        return;
      }
      if (k === key + 1 && slots[at + 1] === v) {
        slots[at + 2] = checked(slots[at + 2] + n);
        return;
      }
      i = (i + 1) & this.mask;
    }
  }

  /**
   * Close every run and group the pairs by final key index: `keyIndex` maps
   * the arrival number used here to it, for `keys` keys.
   */
  finish(keyIndex: Int32Array, keys: number): PairCounts {
    for (let key = 0; key < this.runCount.length; key++) if (this.runCount[key] > 0) this.add(key, this.runValue[key], this.runCount[key]);
    const slots = this.slots;
    const offsets = new Int32Array(keys + 1);
    for (let at = 0; at < slots.length; at += 3) if (slots[at] !== EMPTY) offsets[keyIndex[slots[at] - 1] + 1]++;
    for (let k = 0; k < keys; k++) offsets[k + 1] += offsets[k];
    const fill = offsets.slice(0, keys);
    const values = new Int32Array(this.used);
    const counts = new Float64Array(this.used);
    for (let at = 0; at < slots.length; at += 3) {
      if (slots[at] === EMPTY) continue;
      const i = fill[keyIndex[slots[at] - 1]]++;
      values[i] = slots[at + 1] | 0;
      counts[i] = slots[at + 2];
    }
    for (let k = 0; k < keys; k++) sortSegment(values, counts, offsets[k], offsets[k + 1]);
    this.slots = new Uint32Array(0);
    this.runValue = new Int32Array(0);
    this.runCount = new Uint32Array(0);
    return new PairCounts(offsets, values, counts);
  }

  private growKeys(atLeast: number): void {
    const size = Math.max(atLeast, this.runCount.length * 2);
    this.runValue = grow(this.runValue, new Int32Array(size));
    this.runCount = grow(this.runCount, new Uint32Array(size));
  }

  private rehash(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2);
    this.mask = this.mask * 2 + 1;
    this.used = 0;
    for (let at = 0; at < old.length; at += 3) if (old[at] !== EMPTY) this.add(old[at] - 1, old[at + 1] | 0, old[at + 2]);
  }
}

function checked(n: number): number {
  if (n > MAX_COUNT) throw new RangeError(`more than ${MAX_COUNT} requests of one key with one value: counts past 2^32 are not supported`);
  return n;
}

function hash(key: number, value: number): number {
  let h = Math.imul(key, 0x9e3779b1) ^ Math.imul(value, 0x85ebca6b);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}

/** Sort values[from..to) ascending, counts alongside (values are distinct). */
function sortSegment(values: Int32Array, counts: Float64Array, from: number, to: number): void {
  if (to - from < 2) return;
  if (to - from <= 32) {
    for (let i = from + 1; i < to; i++) {
      const v = values[i];
      const c = counts[i];
      let j = i - 1;
      for (; j >= from && values[j] > v; j--) {
        values[j + 1] = values[j];
        counts[j + 1] = counts[j];
      }
      values[j + 1] = v;
      counts[j + 1] = c;
    }
    return;
  }
  const order = Array.from({ length: to - from }, (_, i) => from + i).sort((a, b) => values[a] - values[b]);
  const v = order.map((i) => values[i]);
  const c = order.map((i) => counts[i]);
  values.set(v, from);
  counts.set(c, from);
}

/** Pair counts by key: key k's values are values[offsets[k] … offsets[k+1]), ascending. */
export class PairCounts {
  constructor(
    readonly offsets: Int32Array,
    readonly values: Int32Array,
    readonly counts: Float64Array,
  ) {}

  /** A read-only view of key `key`'s counts; `names` turns value ids into names. */
  of<K = number>(key: number, names?: readonly K[]): Counts<K> {
    return new Counts<K>(this, this.offsets[key], this.offsets[key + 1], names ?? null);
  }
}

/** One key's counts, read-only, iterated in ascending value-id order; the Map API subset callers use. */
export class Counts<K> implements Iterable<[K, number]> {
  constructor(
    private readonly table: PairCounts,
    private readonly start: number,
    private readonly end: number,
    private readonly names: readonly K[] | null,
  ) {}

  get size(): number {
    return this.end - this.start;
  }

  *keys(): IterableIterator<K> {
    for (let i = this.start; i < this.end; i++) yield this.name(this.table.values[i]);
  }

  *[Symbol.iterator](): IterableIterator<[K, number]> {
    for (let i = this.start; i < this.end; i++) yield [this.name(this.table.values[i]), this.table.counts[i]];
  }

  private name(v: number): K {
    return this.names === null ? (v as K) : this.names[v];
  }
}
