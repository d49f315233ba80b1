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
  /** Pairs merged in from elsewhere whole (`absorb`), kept as lists until `finish`. */
  private lists: PairList[] = [];
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

  /** Close every key's pending run, adding it to the table. */
  private closeRuns(): void {
    for (let key = 0; key < this.runCount.length; key++) {
      if (this.runCount[key] > 0) this.add(key, this.runValue[key], this.runCount[key]);
      this.runCount[key] = 0;
    }
  }

  /**
   * Take a list of pairs as they are (keys and values already in this
   * counter's numbering; pairs may repeat): cheaper than `add` for each, since
   * `finish` groups them with the table's pairs and sums repeats there.
   */
  absorb(list: PairList): void {
    if (list.key.length > 0) this.lists.push(list);
  }

  /**
   * Every (key, value, count) held, runs closed, in table order; the counter
   * is left empty. For merging counts made on another thread (`absorb` them).
   */
  drain(): PairList {
    if (this.lists.length > 0) throw new Error('PairCounter.drain: absorbed lists are only grouped by finish');
    this.closeRuns();
    const slots = this.slots;
    const out: PairList = { key: new Int32Array(this.used), value: new Int32Array(this.used), count: new Uint32Array(this.used) };
    for (let at = 0, i = 0; at < slots.length; at += 3) {
      if (slots[at] === EMPTY) continue;
      out.key[i] = slots[at] - 1;
      out.value[i] = slots[at + 1] | 0;
      out.count[i++] = slots[at + 2];
    }
    this.release();
    return out;
  }

  /**
   * Close every run and group the pairs by final key index: `keyIndex` maps
   * the arrival number used here to it, for `keys` keys.
   */
  finish(keyIndex: Int32Array, keys: number): PairCounts {
    this.closeRuns();
    const slots = this.slots;
    const lists = this.lists;
    const offsets = new Int32Array(keys + 1);
    for (let at = 0; at < slots.length; at += 3) if (slots[at] !== EMPTY) offsets[keyIndex[slots[at] - 1] + 1]++;
    let total = this.used;
    for (const l of lists) {
      for (let i = 0; i < l.key.length; i++) offsets[keyIndex[l.key[i]] + 1]++;
      total += l.key.length;
    }
    for (let k = 0; k < keys; k++) offsets[k + 1] += offsets[k];
    const fill = offsets.slice(0, keys);
    let values = new Int32Array(total);
    let counts = new Float64Array(total);
    for (let at = 0; at < slots.length; at += 3) {
      if (slots[at] === EMPTY) continue;
      const i = fill[keyIndex[slots[at] - 1]]++;
      values[i] = slots[at + 1] | 0;
      counts[i] = slots[at + 2];
    }
    for (const l of lists) {
      for (let j = 0; j < l.key.length; j++) {
        const i = fill[keyIndex[l.key[j]]]++;
        values[i] = l.value[j];
        counts[i] = l.count[j];
      }
    }
    for (let k = 0; k < keys; k++) sortSegment(values, counts, offsets[k], offsets[k + 1]);
    if (lists.length > 0) {
      const n = sumRepeats(offsets, values, counts);
      values = values.slice(0, n);
      counts = counts.slice(0, n);
    }
    this.lists = [];
    this.release();
    return new PairCounts(offsets, values, counts);
  }

  /** Back to empty, with the smallest table. */
  private release(): void {
    this.slots = new Uint32Array(3 << 4);
    this.mask = (1 << 4) - 1;
    this.used = 0;
    this.runValue = new Int32Array(0);
    this.runCount = new Uint32Array(0);
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

/** Pairs as columns: pair i is (key[i], value[i]) seen count[i] times. */
export interface PairList {
  key: Int32Array;
  value: Int32Array;
  count: Uint32Array;
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

/**
 * Within each key's segment (values sorted), sum the counts of equal values
 * into one pair, compacting the arrays and moving `offsets`; returns the pairs
 * left.
 */
function sumRepeats(offsets: Int32Array, values: Int32Array, counts: Float64Array): number {
  let out = 0;
  let from = 0;
  for (let k = 0; k + 1 < offsets.length; k++) {
    const to = offsets[k + 1];
    offsets[k] = out;
    for (let i = from; i < to; i++) {
      if (out > offsets[k] && values[out - 1] === values[i]) counts[out - 1] = checked(counts[out - 1] + counts[i]);
      else {
        values[out] = values[i];
        counts[out++] = counts[i];
      }
    }
    from = to;
  }
  offsets[offsets.length - 1] = out;
  return out;
}

/** Sort values[from..to) ascending, counts alongside (stable for equal values). */
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
