/**
 * Aggregation: events and account rows in, per-key and per-account stats out.
 * Memory grows with keys and distinct values, not with events. `finalize`
 * sorts everything by id, so indices are the same whatever the row order.
 */
import type { AccountRecord, EventRecord } from '../model.ts';
import { compareStrings } from '../util/compare.ts';
import { addAccount, createAccountStats, type AccountStats } from './account-stats.ts';
import { chosenAccount, createKeyStats, flushKeyStats, type KeyStats } from './key-stats.ts';
import { WindowLog, type IpWindows } from './windows.ts';

export type { AccountStats } from './account-stats.ts';
export type { KeyStats } from './key-stats.ts';
export type { IpWindows, KeyWindows } from './windows.ts';

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

export class Aggregator {
  private readonly keys = new Map<string, KeyStats>();
  private readonly accounts = new Map<string, AccountStats>();
  private readonly ipIds = new Map<string, number>();
  private readonly ipNames: string[] = [];
  private readonly windows = new WindowLog();

  constructor(readonly windowMs: number) {}

  /** Add an event; returns its key's arrival number (see Dataset.keyOfSeq). */
  addEvent(e: EventRecord): number {
    let k = this.keys.get(e.key_id);
    if (k === undefined) {
      k = createKeyStats(e.key_id, this.keys.size);
      this.keys.set(e.key_id, k);
    }
    k.requests++;
    k.inputTokens += e.input_tokens ?? 0;
    k.outputTokens += e.output_tokens ?? 0;
    if (e.timestamp < k.first) k.first = e.timestamp;
    if (e.timestamp > k.last) k.last = e.timestamp;
    const hour = Math.floor(e.timestamp / HOUR_MS);
    k.hourOfDay[((hour % 24) + 24) % 24]++;
    k.hourly.bump(hour);
    if (e.account_id !== null) k.accounts.bump(e.account_id);
    if (e.user_agent !== null) k.userAgents.bump(e.user_agent);
    if (e.ip !== null) {
      // The key's last IP again (the common case) needs no lookup of its id.
      let ip = k.lastIp >= 0 && this.ipNames[k.lastIp] === e.ip ? k.lastIp : this.ipIds.get(e.ip);
      if (ip === undefined) {
        ip = this.ipNames.length;
        this.ipIds.set(e.ip, ip);
        this.ipNames.push(e.ip);
      }
      k.ips.bump(ip);
      const window = Math.floor(e.timestamp / this.windowMs);
      if (ip !== k.lastIp || window !== k.lastWindow) {
        this.windows.push(ip, k.seq, window);
        k.lastIp = ip;
        k.lastWindow = window;
      }
    }
    return k.seq;
  }

  /**
   * Merge counts that were aggregated elsewhere (a ClickHouse query, see
   * src/source/clickhouse) into key `id`: the same fields addEvent fills, as
   * sums, minima, maxima and counts, so the Dataset is the one the events
   * would give. Returns the key's arrival number, as addEvent does.
   */
  mergeKey(id: string, c: KeyCounts): number {
    let k = this.keys.get(id);
    if (k === undefined) {
      k = createKeyStats(id, this.keys.size);
      this.keys.set(id, k);
    }
    k.requests += c.requests ?? 0;
    k.inputTokens += c.inputTokens ?? 0;
    k.outputTokens += c.outputTokens ?? 0;
    if (c.first !== undefined && c.first < k.first) k.first = c.first;
    if (c.last !== undefined && c.last > k.last) k.last = c.last;
    const add = <K>(map: Map<K, number>, key: K, n: number) => map.set(key, (map.get(key) ?? 0) + n);
    for (const [hour, n] of c.hours ?? []) {
      k.hourOfDay[((hour % 24) + 24) % 24] += n;
      add(k.hourly, hour, n);
    }
    for (const [account, n] of c.accounts ?? []) add(k.accounts, account, n);
    for (const [ua, n] of c.userAgents ?? []) add(k.userAgents, ua, n);
    for (const [ip, n] of c.ips ?? []) add(k.ips, this.ipId(ip), n);
    for (const [ip, window] of c.windows ?? []) this.windows.push(this.ipId(ip), k.seq, window);
    return k.seq;
  }

  private ipId(ip: string): number {
    let id = this.ipIds.get(ip);
    if (id === undefined) {
      id = this.ipNames.length;
      this.ipIds.set(ip, id);
      this.ipNames.push(ip);
    }
    return id;
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
    const keys = [...this.keys.values()].sort((a, b) => compareStrings(a.id, b.id));
    keys.forEach(flushKeyStats);
    const keyIndex = new Int32Array(keys.length);
    keys.forEach((k, i) => (keyIndex[k.seq] = i));
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
      ipNames: this.ipNames,
      ipWindows: this.windows.finish(this.ipNames.length, keyIndex),
      windowMs: this.windowMs,
      keyOfSeq: keyIndex,
    };
  }
}
