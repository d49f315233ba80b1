/**
 * Weighted key–key edges accumulated per evidence type, in typed arrays:
 * an open-addressing hash table (linear probing, load ≤ 1/2) from the pair
 * {i, j} to a slot, and per-type weight columns. 72 bytes of columns an edge
 * (two Int32 endpoints, eight Float64 sums) and 8–16 of buckets, with no object
 * per edge, against ~330 for a graphology edge with attributes; the graph
 * itself is built only from the kept edges.
 */
import { mix32 } from '../util/hash.ts';

const EMPTY = -1;

/** An edge store's columns, trimmed to its edges: what a worker thread sends back. */
export interface EdgeColumns {
  source: Int32Array;
  target: Int32Array;
  weights: Float64Array[];
}

export class EdgeStore {
  private length = 0;
  private capacity: number;
  /** Hash table: slot index per bucket, or EMPTY. */
  private buckets: Int32Array;
  source: Int32Array;
  target: Int32Array;
  weights: Float64Array[];

  /** `expected` edges are allocated up front (an upper bound avoids regrowing). */
  constructor(
    readonly nodes: number,
    readonly types: number,
    expected = 1024,
  ) {
    this.capacity = Math.max(16, expected);
    this.buckets = new Int32Array(2 ** Math.ceil(Math.log2(this.capacity * 2))).fill(EMPTY);
    this.source = new Int32Array(this.capacity);
    this.target = new Int32Array(this.capacity);
    this.weights = Array.from({ length: types }, () => new Float64Array(this.capacity));
  }

  /**
   * One store of the edges of stores with disjoint edge sets, each listing its
   * edges in (source, target) order: merged in that order, indexed once.
   */
  static mergeSorted(nodes: number, types: number, parts: EdgeColumns[]): EdgeStore {
    const total = parts.reduce((n, p) => n + p.source.length, 0);
    const store = new EdgeStore(nodes, types, total);
    const next = new Int32Array(parts.length);
    for (let s = 0; s < total; s++) {
      // The part whose next edge comes first; parts are few.
      let from = -1;
      for (let p = 0; p < parts.length; p++) {
        const e = next[p];
        if (e === parts[p].source.length) continue;
        if (from < 0) from = p;
        else {
          const ds = parts[p].source[e] - parts[from].source[next[from]];
          if (ds < 0 || (ds === 0 && parts[p].target[e] < parts[from].target[next[from]])) from = p;
        }
      }
      const part = parts[from];
      const e = next[from]++;
      store.source[s] = part.source[e];
      store.target[s] = part.target[e];
      for (let t = 0; t < types; t++) store.weights[t][s] = part.weights[t][e];
    }
    store.length = total;
    store.index(store.buckets);
    return store;
  }

  /** A store of just these slots' edges, in this order (slot n of it is slots[n] here). */
  select(slots: number[]): EdgeStore {
    const store = new EdgeStore(this.nodes, this.types, slots.length);
    slots.forEach((from, s) => {
      store.source[s] = this.source[from];
      store.target[s] = this.target[from];
      for (let t = 0; t < this.types; t++) store.weights[t][s] = this.weights[t][from];
    });
    store.length = slots.length;
    store.index(store.buckets);
    return store;
  }

  /** Views of the columns up to the last edge (no copy). */
  columns(): EdgeColumns {
    const n = this.length;
    return { source: this.source.subarray(0, n), target: this.target.subarray(0, n), weights: this.weights.map((w) => w.subarray(0, n)) };
  }

  get size(): number {
    return this.length;
  }

  /** The slot of edge {i, j}, or -1. */
  find(x: number, y: number): number {
    const i = x < y ? x : y;
    const j = x < y ? y : x;
    const mask = this.buckets.length - 1;
    for (let b = mix32(i, j) & mask; ; b = (b + 1) & mask) {
      const s = this.buckets[b];
      if (s === EMPTY) return -1;
      if (this.source[s] === i && this.target[s] === j) return s;
    }
  }

  /** Add `w` to the edge {i, j} (i ≠ j) for evidence type `t`, creating it if needed. */
  add(x: number, y: number, t: number, w: number): void {
    const i = x < y ? x : y;
    const j = x < y ? y : x;
    const mask = this.buckets.length - 1;
    let b = mix32(i, j) & mask;
    for (;;) {
      const s = this.buckets[b];
      if (s === EMPTY) break;
      if (this.source[s] === i && this.target[s] === j) {
        this.weights[t][s] += w;
        return;
      }
      b = (b + 1) & mask;
    }
    if (this.length === this.capacity) this.growColumns();
    const s = this.length++;
    this.source[s] = i;
    this.target[s] = j;
    this.weights[t][s] = w;
    this.buckets[b] = s;
    if (this.length * 2 > this.buckets.length) this.rehash();
  }

  /** Add `w` to the edge {i, j} for type `t` only if the edge exists. */
  addIfPresent(i: number, j: number, t: number, w: number): void {
    const s = this.find(i, j);
    if (s >= 0) this.weights[t][s] += w;
  }

  /** Room for `n` edges without regrowing. */
  reserve(n: number): void {
    if (n <= this.capacity) return;
    this.growColumns(n);
    const buckets = 2 ** Math.ceil(Math.log2(n * 2));
    if (buckets > this.buckets.length) this.index(new Int32Array(buckets).fill(EMPTY));
  }

  private growColumns(capacity = this.capacity * 2): void {
    this.capacity = capacity;
    const grow = <A extends Int32Array | Float64Array>(old: A, make: (n: number) => A): A => {
      const next = make(this.capacity);
      next.set(old);
      return next;
    };
    this.source = grow(this.source, (n) => new Int32Array(n));
    this.target = grow(this.target, (n) => new Int32Array(n));
    this.weights = this.weights.map((w) => grow(w, (n) => new Float64Array(n)));
  }

  private rehash(): void {
    this.index(new Int32Array(this.buckets.length * 2).fill(EMPTY));
  }

  /** Fill empty `buckets` with every slot (no two slots hold the same pair). */
  private index(buckets: Int32Array): void {
    const mask = buckets.length - 1;
    for (let s = 0; s < this.length; s++) {
      let b = mix32(this.source[s], this.target[s]) & mask;
      while (buckets[b] !== EMPTY) b = (b + 1) & mask;
      buckets[b] = s;
    }
    this.buckets = buckets;
  }

  /** Endpoints of a slot, smaller first. */
  endpoints(s: number): [number, number] {
    return [this.source[s], this.target[s]];
  }

  total(s: number): number {
    let w = 0;
    for (let t = 0; t < this.types; t++) w += this.weights[t][s];
    return w;
  }

  /** Slots whose total weight is at least `min`, ordered by (source, target). */
  kept(min: number): number[] {
    const out: number[] = [];
    for (let s = 0; s < this.length; s++) if (this.total(s) >= min) out.push(s);
    return out.sort((a, b) => this.source[a] - this.source[b] || this.target[a] - this.target[b]);
  }
}
