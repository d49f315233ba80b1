/**
 * What one API key did, accumulated event by event in any order. Every field
 * is a sum, a min/max or a set, so the result does not depend on row order.
 * IPs are interned to integer ids by the aggregator, so per-key maps hold
 * numbers only: no object per (key, IP), which keeps the garbage collector
 * out of the way at tens of millions of events.
 */
import { RunCounter } from './run-counter.ts';

export interface KeyStats {
  id: string;
  /** Arrival order, used until `finalize` sorts keys by id. */
  seq: number;
  /** account_id → requests naming it. */
  accounts: RunCounter<string>;
  requests: number;
  inputTokens: number;
  outputTokens: number;
  first: number;
  last: number;
  /** Requests per hour of day (UTC). */
  hourOfDay: Uint32Array;
  /** Requests per hour since the epoch. */
  hourly: RunCounter<number>;
  /** IP id → requests. */
  ips: RunCounter<number>;
  /** User agent → requests. */
  userAgents: RunCounter<string>;
  /** Last (IP id, co-activity window) recorded for this key, to skip repeats. */
  lastIp: number;
  lastWindow: number;
}

/** Write pending runs into the maps; after this the stats are read-only. */
export function flushKeyStats(k: KeyStats): void {
  k.accounts.flush();
  k.hourly.flush();
  k.ips.flush();
  k.userAgents.flush();
}

export function createKeyStats(id: string, seq: number): KeyStats {
  return {
    id,
    seq,
    accounts: new RunCounter(),
    requests: 0,
    inputTokens: 0,
    outputTokens: 0,
    first: Infinity,
    last: -Infinity,
    hourOfDay: new Uint32Array(24),
    hourly: new RunCounter(),
    ips: new RunCounter(),
    userAgents: new RunCounter(),
    lastIp: -1,
    lastWindow: NaN,
  };
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
