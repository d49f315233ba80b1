/**
 * A counting Map that batches runs: most keys repeat their account, user
 * agent, IP and hour from one event to the next, so a repeat only bumps a
 * pending count and the Map is touched once per run instead of twice per
 * event. Call `flush` before reading it.
 */
export class RunCounter<K> extends Map<K, number> {
  private last: K | undefined = undefined;
  private pending = 0;

  bump(key: K): void {
    if (key === this.last) {
      this.pending++;
      return;
    }
    this.flush();
    this.last = key;
    this.pending = 1;
  }

  flush(): this {
    if (this.pending > 0) this.set(this.last as K, (this.get(this.last as K) ?? 0) + this.pending);
    this.pending = 0;
    this.last = undefined;
    return this;
  }
}
