/**
 * What each API key did, accumulated event by event in any order. Every field
 * is a sum, a min/max or a count of (key, value) pairs, so the result does not
 * depend on row order.
 *
 * While aggregating, keys are numbered by arrival and their figures live in
 * columns (typed arrays indexed by that number) and pair counters, not in an
 * object with Maps per key: at millions of keys the Maps alone were ~3 KiB a
 * key and most of the build's time went to the garbage collector marking them.
 * `KeyColumns.finish` reorders everything by key id; `KeyStats` is then a
 * small view of one key's row.
 */
import { grow } from '../util/grow.ts';
import { PairCounter, type Counts, type PairCounts } from './pair-counter.ts';

export type { Counts } from './pair-counter.ts';

/** Per-key columns, indexed by arrival number while aggregating. */
export class KeyColumns {
  size = 0;
  requests = new Float64Array(1024);
  inputTokens = new Float64Array(1024);
  outputTokens = new Float64Array(1024);
  first = new Float64Array(1024).fill(Infinity);
  last = new Float64Array(1024).fill(-Infinity);
  /** The last co-activity window recorded for each key (with its last IP: `ips.runOf`), to skip repeats. */
  lastWindow = new Float64Array(1024).fill(NaN);
  /** Requests per hour since the epoch. */
  readonly hourly = new PairCounter();
  /** IP id → requests. */
  readonly ips = new PairCounter();
  /** User agent id → requests. */
  readonly userAgents = new PairCounter();
  /** Account id → requests naming it. */
  readonly accounts = new PairCounter();

  /** Make room for one more key and return its arrival number. */
  add(): number {
    if (this.size === this.requests.length) {
      const n = this.size * 2;
      this.requests = grow(this.requests, new Float64Array(n));
      this.inputTokens = grow(this.inputTokens, new Float64Array(n));
      this.outputTokens = grow(this.outputTokens, new Float64Array(n));
      this.first = grow(this.first, new Float64Array(n).fill(Infinity));
      this.last = grow(this.last, new Float64Array(n).fill(-Infinity));
      this.lastWindow = grow(this.lastWindow, new Float64Array(n).fill(NaN));
    }
    return this.size++;
  }

  /**
   * Reorder by final key index (`keyIndex[arrival]`); `userAgents` and
   * `accounts` name the ids the counters hold.
   */
  finish(keyIndex: Int32Array, userAgents: readonly string[], accounts: readonly string[]): KeyTable {
    const n = this.size;
    const permute = (column: Float64Array) => {
      const out = new Float64Array(n);
      for (let s = 0; s < n; s++) out[keyIndex[s]] = column[s];
      return out;
    };
    return {
      requests: permute(this.requests),
      inputTokens: permute(this.inputTokens),
      outputTokens: permute(this.outputTokens),
      first: permute(this.first),
      last: permute(this.last),
      hourly: this.hourly.finish(keyIndex, n),
      ips: this.ips.finish(keyIndex, n),
      userAgents: this.userAgents.finish(keyIndex, n),
      userAgentNames: userAgents,
      accounts: this.accounts.finish(keyIndex, n),
      accountNames: accounts,
    };
  }
}

/** Per-key columns by final key index. */
export interface KeyTable {
  requests: Float64Array;
  inputTokens: Float64Array;
  outputTokens: Float64Array;
  first: Float64Array;
  last: Float64Array;
  hourly: PairCounts;
  ips: PairCounts;
  userAgents: PairCounts;
  userAgentNames: readonly string[];
  accounts: PairCounts;
  accountNames: readonly string[];
}

/** One key's figures: a view of its row of the KeyTable. */
export class KeyStats {
  constructor(
    readonly id: string,
    private readonly table: KeyTable,
    private readonly index: number,
  ) {}

  get requests(): number {
    return this.table.requests[this.index];
  }
  get inputTokens(): number {
    return this.table.inputTokens[this.index];
  }
  get outputTokens(): number {
    return this.table.outputTokens[this.index];
  }
  get first(): number {
    return this.table.first[this.index];
  }
  get last(): number {
    return this.table.last[this.index];
  }
  /** Requests per hour of day (UTC), computed from `hourly`. */
  get hourOfDay(): Float64Array {
    const out = new Float64Array(24);
    for (const [hour, n] of this.hourly) out[((hour % 24) + 24) % 24] += n;
    return out;
  }
  /** Requests per hour since the epoch, hours ascending. */
  get hourly(): Counts<number> {
    return this.table.hourly.of(this.index);
  }
  /** IP id → requests, ids ascending. */
  get ips(): Counts<number> {
    return this.table.ips.of(this.index);
  }
  /** User agent → requests. */
  get userAgents(): Counts<string> {
    return this.table.userAgents.of(this.index, this.table.userAgentNames);
  }
  /** Account id → requests naming it. */
  get accounts(): Counts<string> {
    return this.table.accounts.of(this.index, this.table.accountNames);
  }
}

/** The account a key belongs to: the one most of its rows name, ties to the smallest id. */
export function chosenAccount(stats: KeyStats): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const [account, n] of stats.accounts) {
    if (n > bestCount || (n === bestCount && best !== null && account < best)) {
      best = account;
      bestCount = n;
    }
  }
  return best;
}
