/**
 * Weighted key–key edges accumulated per evidence type, in typed arrays with
 * a Map from pair to slot. ~100 bytes an edge, against ~330 for a graphology
 * edge with an attributes object; the graph is built only from kept edges.
 */
export class EdgeStore {
  private readonly slot = new Map<number, number>();
  private capacity = 1024;
  private length = 0;
  pairs = new Float64Array(this.capacity);
  weights: Float64Array[];

  constructor(
    readonly nodes: number,
    readonly types: number,
  ) {
    this.weights = Array.from({ length: types }, () => new Float64Array(this.capacity));
  }

  get size(): number {
    return this.length;
  }

  /** Add `w` to the edge {i, j} (i ≠ j) for evidence type `t`. */
  add(i: number, j: number, t: number, w: number): void {
    const pair = i < j ? i * this.nodes + j : j * this.nodes + i;
    let s = this.slot.get(pair);
    if (s === undefined) {
      if (this.length === this.capacity) this.grow();
      s = this.length++;
      this.slot.set(pair, s);
      this.pairs[s] = pair;
    }
    this.weights[t][s] += w;
  }

  private grow(): void {
    this.capacity *= 2;
    const pairs = new Float64Array(this.capacity);
    pairs.set(this.pairs);
    this.pairs = pairs;
    this.weights = this.weights.map((old) => {
      const next = new Float64Array(this.capacity);
      next.set(old);
      return next;
    });
  }

  /** Endpoints of a slot, smaller first. */
  endpoints(s: number): [number, number] {
    const pair = this.pairs[s];
    const i = Math.floor(pair / this.nodes);
    return [i, pair - i * this.nodes];
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
    return out.sort((a, b) => this.pairs[a] - this.pairs[b]);
  }
}
