/**
 * Counts per 32-bit key (well mixed, e.g. shingle hashes) for small tallies
 * redone many times, such as one cluster's shingles: open addressing over
 * typed arrays, cleared in O(1) by a stamp, and an optional document id per
 * key so each document counts a key once. Replaces a Map per tally, whose
 * allocation and boxing dominated frame extraction.
 */
export class KeyCounter {
  private keys = new Uint32Array(1024);
  private counts = new Int32Array(1024);
  private docs = new Int32Array(1024);
  private stamps = new Int32Array(1024);
  private stamp = 1;
  private mask = 1023;

  /** Empties the counter, making room for `expected` keys. */
  clear(expected: number): void {
    if (expected * 2 > this.keys.length) {
      let cap = this.keys.length;
      while (cap < expected * 2) cap *= 2;
      this.keys = new Uint32Array(cap);
      this.counts = new Int32Array(cap);
      this.docs = new Int32Array(cap);
      this.stamps = new Int32Array(cap);
      this.mask = cap - 1;
    }
    this.stamp++;
  }

  /**
   * Adds 1 to key's count unless document `doc` (≥ 0) already did; −1 counts
   * every call. Returns true when it counted. At most `expected` distinct keys.
   */
  add(key: number, doc = -1): boolean {
    const { keys, stamps, stamp, mask } = this;
    const k = key >>> 0;
    let i = k & mask;
    while (stamps[i] === stamp && keys[i] !== k) i = (i + 1) & mask;
    if (stamps[i] !== stamp) {
      stamps[i] = stamp;
      keys[i] = k;
      this.counts[i] = 1;
      this.docs[i] = doc;
      return true;
    }
    if (doc >= 0 && this.docs[i] === doc) return false;
    this.docs[i] = doc;
    this.counts[i]!++;
    return true;
  }

  get(key: number): number {
    const { keys, stamps, stamp, mask } = this;
    const k = key >>> 0;
    for (let i = k & mask; stamps[i] === stamp; i = (i + 1) & mask) if (keys[i] === k) return this.counts[i]!;
    return 0;
  }
}
