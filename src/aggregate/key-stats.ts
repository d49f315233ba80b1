/**
 * What one API key did, accumulated event by event in any order. Every field
 * is a sum, a min/max or a set, so the result does not depend on row order.
 */
import type { EventRecord } from '../model.ts';

/** Requests of one key on one value, and (for IPs) the time windows it was seen in. */
export interface Incidence {
  requests: number;
  /** Co-activity windows (floor(ms / window)) as a number while there is one, then a Set. */
  windows: number | Set<number> | null;
}

export interface KeyStats {
  id: string;
  /** account_id → requests naming it. */
  accounts: Map<string, number>;
  requests: number;
  inputTokens: number;
  outputTokens: number;
  first: number;
  last: number;
  /** Requests per hour of day (UTC). */
  hourOfDay: Uint32Array;
  /** Requests per hour since the epoch. */
  hourly: Map<number, number>;
  ips: Map<string, Incidence>;
  userAgents: Map<string, Incidence>;
  /** The last user agent seen: most keys repeat it, so most events skip a Map lookup. */
  lastUserAgent: string | null;
  lastUserAgentIncidence: Incidence | null;
}

const HOUR_MS = 3_600_000;

export function createKeyStats(id: string): KeyStats {
  return {
    id,
    accounts: new Map(),
    requests: 0,
    inputTokens: 0,
    outputTokens: 0,
    first: Infinity,
    last: -Infinity,
    hourOfDay: new Uint32Array(24),
    hourly: new Map(),
    ips: new Map(),
    userAgents: new Map(),
    lastUserAgent: null,
    lastUserAgentIncidence: null,
  };
}

function bump(map: Map<string, Incidence>, value: string, window: number | null): void {
  let inc = map.get(value);
  if (inc === undefined) {
    map.set(value, { requests: 1, windows: window });
    return;
  }
  inc.requests++;
  if (window === null || inc.windows === window) return;
  if (inc.windows === null) inc.windows = window;
  else if (typeof inc.windows === 'number') inc.windows = new Set([inc.windows, window]);
  else inc.windows.add(window);
}

/** Add one event to its key's stats. `windowMs` is the co-activity window. */
export function addEvent(stats: KeyStats, e: EventRecord, windowMs: number): void {
  stats.requests++;
  stats.inputTokens += e.input_tokens ?? 0;
  stats.outputTokens += e.output_tokens ?? 0;
  if (e.timestamp < stats.first) stats.first = e.timestamp;
  if (e.timestamp > stats.last) stats.last = e.timestamp;
  const hour = Math.floor(e.timestamp / HOUR_MS);
  stats.hourOfDay[((hour % 24) + 24) % 24]++;
  stats.hourly.set(hour, (stats.hourly.get(hour) ?? 0) + 1);
  if (e.account_id !== null) stats.accounts.set(e.account_id, (stats.accounts.get(e.account_id) ?? 0) + 1);
  if (e.ip !== null) bump(stats.ips, e.ip, Math.floor(e.timestamp / windowMs));
  if (e.user_agent !== null) {
    if (e.user_agent === stats.lastUserAgent) stats.lastUserAgentIncidence!.requests++;
    else {
      bump(stats.userAgents, e.user_agent, null);
      stats.lastUserAgent = e.user_agent;
      stats.lastUserAgentIncidence = stats.userAgents.get(e.user_agent)!;
    }
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

/** Sorted, de-duplicated windows of an incidence. */
export function windowsOf(inc: Incidence): Float64Array {
  if (inc.windows === null) return new Float64Array(0);
  if (typeof inc.windows === 'number') return Float64Array.of(inc.windows);
  return Float64Array.from(inc.windows).sort();
}
