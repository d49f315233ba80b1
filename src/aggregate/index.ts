/**
 * Aggregation: events and account rows in, per-key and per-account stats out.
 * Memory grows with keys and distinct values, not with events. `finalize`
 * sorts everything by id, so indices are the same whatever the row order.
 */
import type { AccountRecord, EventRecord } from '../model.ts';
import { compareStrings } from '../util/compare.ts';
import { addAccount, createAccountStats, type AccountStats } from './account-stats.ts';
import { Interner } from './interner.ts';
import { chosenAccount, KeyColumns, KeyStats } from './key-stats.ts';
import type { PairCounter, PairList } from './pair-counter.ts';
import type { PartialAggregate } from './partial.ts';
import { WindowLog, type IpWindows } from './windows.ts';

export type { AccountStats } from './account-stats.ts';
export type { Counts, KeyStats } from './key-stats.ts';
export type { IpWindows, KeyWindows } from './windows.ts';
export { partBuffers, type PartialAggregate } from './partial.ts';

export interface Dataset {
  /** Keys sorted by id; a key's index is its node id everywhere after this stage. */
  keys: KeyStats[];
  /** Index into `accounts` of each key's account, or -1. */
  keyAccount: Int32Array;
  /** Accounts sorted by id: every account named by an event or an accounts row. */
  accounts: AccountStats[];
  /** Key indices of each account, ascending. */
  accountKeys: number[][];
  /** Keys whose rows named more than one account. */
  keysWithSeveralAccounts: number;
  /** IP addresses by id (the ids in KeyStats.ips). */
  ipNames: string[];
  /** Co-activity windows per IP and key. */
  ipWindows: IpWindows;
  /** Co-activity window, in ms. */
  windowMs: number;
  /** Key index of each key's arrival number (what addEvent returned). */
  keyOfSeq: Int32Array;
}

/**
 * Who controls a key, for counting distinct accounts: its account index, or
 * a negative id of its own when it has no account.
 */
export function ownerOf(data: Dataset, key: number): number {
  return data.keyAccount[key] >= 0 ? data.keyAccount[key] : -1 - key;
}

/** The index of the key with id `id` (keys are sorted by id), or -1: no map of millions of ids needed. */
export function keyIndexOf(data: Dataset, id: string): number {
  let lo = 0;
  let hi = data.keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = compareStrings(data.keys[mid].id, id);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

const HOUR_MS = 3_600_000;

/** Pre-aggregated counts of one key, for Aggregator.mergeKey; every field optional. */
export interface KeyCounts {
  requests?: number;
  inputTokens?: number;
  outputTokens?: number;
  first?: number;
  last?: number;
  /** [hour since the epoch, requests] */
  hours?: Iterable<[number, number]>;
  /** [account id, requests naming it] */
  accounts?: Iterable<[string, number]>;
  userAgents?: Iterable<[string, number]>;
  /** [canonical IP, requests] */
  ips?: Iterable<[string, number]>;
  /** [canonical IP, co-activity window number] pairs the key was active in */
  windows?: Iterable<[string, number]>;
}

/** Renumber a part's pairs in place (values kept when `values` is null) and hand them to `counter`. */
function mergePairs(counter: PairCounter, pairs: PairList, keys: Int32Array, values: Int32Array | null): void {
  const { key, value } = pairs;
  for (let i = 0; i < key.length; i++) key[i] = keys[key[i]];
  if (values !== null) for (let i = 0; i < value.length; i++) value[i] = values[value[i]];
  counter.absorb(pairs);
}

export class Aggregator {
  /** Key ids to arrival numbers (`keyIds.names`: ids by arrival number). */
  private readonly keyIds = new Interner();
  private readonly columns = new KeyColumns();
  private readonly accounts = new Map<string, AccountStats>();
  private readonly ipIds = new Interner();
  private readonly userAgentIds = new Interner();
  private readonly accountIds = new Interner();
  private readonly windows = new WindowLog();

  constructor(readonly windowMs: number) {}

  /** Add an event; returns its key's arrival number (see Dataset.keyOfSeq). */
  addEvent(e: EventRecord): number {
    const k = this.key(e.key_id);
    const c = this.columns;
    c.requests[k]++;
    c.inputTokens[k] += e.input_tokens ?? 0;
    c.outputTokens[k] += e.output_tokens ?? 0;
    if (e.timestamp < c.first[k]) c.first[k] = e.timestamp;
    if (e.timestamp > c.last[k]) c.last[k] = e.timestamp;
    c.hourly.bump(k, Math.floor(e.timestamp / HOUR_MS));
    // A key's account, user agent and IP are mostly its last ones again: that needs no lookup of the id.
    if (e.account_id !== null) c.accounts.bump(k, this.accountIds.idNear(e.account_id, c.accounts.runOf(k)));
    if (e.user_agent !== null) c.userAgents.bump(k, this.userAgentIds.idNear(e.user_agent, c.userAgents.runOf(k)));
    if (e.ip !== null) {
      // The pending run of the key's IP counter is its last IP: the window log skips the same (IP, window) again.
      const last = c.ips.runOf(k);
      const ip = this.ipIds.idNear(e.ip, last);
      c.ips.bump(k, ip);
      const window = Math.floor(e.timestamp / this.windowMs);
      if (ip !== last || window !== c.lastWindow[k]) {
        this.windows.push(ip, k, window);
        c.lastWindow[k] = window;
      }
    }
    return k;
  }

  /**
   * Merge counts that were aggregated elsewhere (a ClickHouse query, see
   * src/source/clickhouse) into key `id`: the same fields addEvent fills, as
   * sums, minima, maxima and counts, so the Dataset is the one the events
   * would give. Returns the key's arrival number, as addEvent does.
   */
  mergeKey(id: string, counts: KeyCounts): number {
    const k = this.key(id);
    const c = this.columns;
    c.requests[k] += counts.requests ?? 0;
    c.inputTokens[k] += counts.inputTokens ?? 0;
    c.outputTokens[k] += counts.outputTokens ?? 0;
    if (counts.first !== undefined && counts.first < c.first[k]) c.first[k] = counts.first;
    if (counts.last !== undefined && counts.last > c.last[k]) c.last[k] = counts.last;
    for (const [hour, n] of counts.hours ?? []) c.hourly.add(k, hour, n);
    for (const [account, n] of counts.accounts ?? []) c.accounts.add(k, this.accountIds.id(account), n);
    for (const [ua, n] of counts.userAgents ?? []) c.userAgents.add(k, this.userAgentIds.id(ua), n);
    for (const [ip, n] of counts.ips ?? []) c.ips.add(k, this.ipIds.id(ip), n);
    for (const [ip, window] of counts.windows ?? []) this.windows.push(this.ipIds.id(ip), k, window);
    return k;
  }

  /**
   * Everything added so far, as a part for another Aggregator's `merge`. The
   * end of this one: its counters are drained, so it takes no more events.
   */
  part(): PartialAggregate {
    const c = this.columns;
    const n = c.size;
    return {
      keys: this.keyIds.names.slice(),
      requests: c.requests.slice(0, n),
      inputTokens: c.inputTokens.slice(0, n),
      outputTokens: c.outputTokens.slice(0, n),
      first: c.first.slice(0, n),
      last: c.last.slice(0, n),
      hourly: c.hourly.drain(),
      ips: c.ips.drain(),
      userAgents: c.userAgents.drain(),
      accounts: c.accounts.drain(),
      ipNames: this.ipIds.names.slice(),
      userAgentNames: this.userAgentIds.names.slice(),
      accountNames: this.accountIds.names.slice(),
      windows: this.windows.drain(),
    };
  }

  /**
   * Add a part made by another Aggregator (an ingest worker's): the result is
   * the same as if this one had been given that part's events too. Returns
   * this Aggregator's arrival number of each of the part's keys. The part's
   * arrays are taken over (renumbered in place), so it is not to be used again.
   */
  merge(p: PartialAggregate): Int32Array {
    const c = this.columns;
    const seq = Int32Array.from(p.keys, (id) => this.key(id));
    for (let i = 0; i < seq.length; i++) {
      const k = seq[i];
      c.requests[k] += p.requests[i];
      c.inputTokens[k] += p.inputTokens[i];
      c.outputTokens[k] += p.outputTokens[i];
      if (p.first[i] < c.first[k]) c.first[k] = p.first[i];
      if (p.last[i] > c.last[k]) c.last[k] = p.last[i];
    }
    const ids = (names: string[], interner: Interner) => Int32Array.from(names, (name) => interner.id(name));
    const ips = ids(p.ipNames, this.ipIds);
    mergePairs(c.hourly, p.hourly, seq, null);
    mergePairs(c.ips, p.ips, seq, ips);
    mergePairs(c.userAgents, p.userAgents, seq, ids(p.userAgentNames, this.userAgentIds));
    mergePairs(c.accounts, p.accounts, seq, ids(p.accountNames, this.accountIds));
    const w = p.windows;
    for (let i = 0; i < w.ip.length; i++) this.windows.push(ips[w.ip[i]], seq[w.key[i]], w.window[i]);
    return seq;
  }

  private key(id: string): number {
    const k = this.keyIds.id(id);
    if (k === this.columns.size) this.columns.add();
    return k;
  }

  addAccount(r: AccountRecord): void {
    addAccount(this.account(r.account_id), r);
  }

  private account(id: string): AccountStats {
    let stats = this.accounts.get(id);
    if (stats === undefined) {
      stats = createAccountStats(id);
      this.accounts.set(id, stats);
    }
    return stats;
  }

  finalize(): Dataset {
    // Sorting the ids themselves (the default sort, UTF-16 order as compareStrings) is ~2× faster than sorting arrival numbers through a comparator.
    const sorted = this.keyIds.names.slice().sort();
    const keyIndex = new Int32Array(sorted.length);
    sorted.forEach((id, i) => (keyIndex[this.keyIds.id(id)] = i));
    const table = this.columns.finish(keyIndex, this.userAgentIds.names, this.accountIds.names);
    const keys = sorted.map((id, i) => new KeyStats(id, table, i));
    const chosen = keys.map(chosenAccount);
    for (const id of chosen) if (id !== null) this.account(id);
    const accounts = [...this.accounts.values()].sort((a, b) => compareStrings(a.id, b.id));
    const accountIndex = new Map(accounts.map((a, i) => [a.id, i]));
    const keyAccount = new Int32Array(keys.length).fill(-1);
    const accountKeys: number[][] = accounts.map(() => []);
    let keysWithSeveralAccounts = 0;
    keys.forEach((k, i) => {
      if (k.accounts.size > 1) keysWithSeveralAccounts++;
      const id = chosen[i];
      if (id === null) return;
      const a = accountIndex.get(id)!;
      keyAccount[i] = a;
      accountKeys[a].push(i);
    });
    return {
      keys,
      keyAccount,
      accounts,
      accountKeys,
      keysWithSeveralAccounts,
      ipNames: this.ipIds.names,
      ipWindows: this.windows.finish(this.ipIds.names.length, keyIndex),
      windowMs: this.windowMs,
      keyOfSeq: keyIndex,
    };
  }
}
