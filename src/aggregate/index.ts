/**
 * Aggregation: events and account rows in, per-key and per-account stats out.
 * Memory grows with keys and distinct values, not with events. `finalize`
 * sorts everything by id, so indices are the same whatever the row order.
 */
import type { AccountRecord, EventRecord } from '../model.ts';
import { compareStrings } from '../util/compare.ts';
import { addAccount, createAccountStats, type AccountStats } from './account-stats.ts';
import { addEvent, chosenAccount, createKeyStats, type KeyStats } from './key-stats.ts';

export type { AccountStats } from './account-stats.ts';
export type { Incidence, KeyStats } from './key-stats.ts';
export { windowsOf } from './key-stats.ts';

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
  /** Co-activity window used for IP incidences, in ms. */
  windowMs: number;
}

/**
 * Who controls a key, for counting distinct accounts: its account index, or
 * a negative id of its own when it has no account.
 */
export function ownerOf(data: Dataset, key: number): number {
  return data.keyAccount[key] >= 0 ? data.keyAccount[key] : -1 - key;
}

export class Aggregator {
  private readonly keys = new Map<string, KeyStats>();
  private readonly accounts = new Map<string, AccountStats>();

  constructor(readonly windowMs: number) {}

  addEvent(e: EventRecord): void {
    let stats = this.keys.get(e.key_id);
    if (stats === undefined) {
      stats = createKeyStats(e.key_id);
      this.keys.set(e.key_id, stats);
    }
    addEvent(stats, e, this.windowMs);
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
    return { keys, keyAccount, accounts, accountKeys, keysWithSeveralAccounts, windowMs: this.windowMs };
  }
}
