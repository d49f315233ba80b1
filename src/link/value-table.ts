/**
 * Key–value incidence for one evidence type: which keys hold each value, how
 * many distinct accounts that is (the value's rarity), and which values are
 * hubs. Accounts are counted, not keys, so one organisation's hundred keys on
 * its own NAT are not a hub; a key without an account counts as its own.
 */
import type { EvidenceType } from '../config/schema.ts';
import { ownerOf, windowsOf, type Dataset, type Incidence } from '../aggregate/index.ts';
import { ipPrefix } from '../ingest/ip.ts';
import { compareStrings } from '../util/compare.ts';

export interface ValueTable {
  type: EvidenceType;
  /** Distinct values, sorted. */
  values: string[];
  /** Per value: the keys holding it, ascending. */
  keys: Int32Array[];
  /** Per value, aligned with `keys`: that key's requests on the value. */
  requests: Float64Array[];
  /** IP only; per value, aligned with `keys`: sorted co-activity windows. */
  windows: Float64Array[][] | null;
  /** Per value: distinct accounts. */
  accounts: Int32Array;
  /** Per value: 1 when suppressed as a hub. */
  hub: Uint8Array;
  /** Per key: indices of the non-hub values it holds, ascending. */
  keyValues: Int32Array[];
}

interface Draft {
  keys: number[];
  requests: number[];
  windows: Float64Array[];
}

type Collect = (data: Dataset, add: (value: string, key: number, requests: number, inc: Incidence | null) => void) => void;

const fromKeys =
  (field: 'ips' | 'userAgents'): Collect =>
  (data, add) =>
    data.keys.forEach((k, i) => {
      for (const [value, inc] of k[field]) add(value, i, inc.requests, inc);
    });

/** Prefixes derive from each key's IPs (several IPs of a key may share one). */
const fromPrefixes: Collect = (data, add) => {
  const cache = new Map<string, string>();
  const perKey = new Map<string, number>();
  data.keys.forEach((k, i) => {
    perKey.clear();
    for (const [ip, inc] of k.ips) {
      let prefix = cache.get(ip);
      if (prefix === undefined) cache.set(ip, (prefix = ipPrefix(ip)));
      perKey.set(prefix, (perKey.get(prefix) ?? 0) + inc.requests);
    }
    for (const [prefix, requests] of perKey) add(prefix, i, requests, null);
  });
};

const fromAccounts =
  (values: (a: Dataset['accounts'][number]) => Iterable<string | null>): Collect =>
  (data, add) =>
    data.accounts.forEach((account, a) => {
      for (const value of values(account)) {
        if (value === null) continue;
        for (const key of data.accountKeys[a]) add(value, key, data.keys[key].requests, null);
      }
    });

const COLLECT: Record<EvidenceType, Collect> = {
  account: fromAccounts((a) => [a.id]),
  payment: fromAccounts((a) => a.payments),
  ip: fromKeys('ips'),
  prefix: fromPrefixes,
  user_agent: fromKeys('userAgents'),
  signup_ip: fromAccounts((a) => a.signupIps),
  email_domain: fromAccounts((a) => [a.emailDomain]),
};

/**
 * `maxAccounts` is the hub limit; values in `alwaysHubs` (free-mail domains)
 * are hubs whatever their count.
 */
export function buildValueTable(data: Dataset, type: EvidenceType, maxAccounts: number, alwaysHubs?: ReadonlySet<string>): ValueTable {
  const drafts = new Map<string, Draft>();
  const withWindows = type === 'ip';
  COLLECT[type](data, (value, key, requests, inc) => {
    let d = drafts.get(value);
    if (d === undefined) drafts.set(value, (d = { keys: [], requests: [], windows: [] }));
    d.keys.push(key);
    d.requests.push(requests);
    if (withWindows && inc !== null) d.windows.push(windowsOf(inc));
  });

  const values = [...drafts.keys()].sort(compareStrings);
  const n = values.length;
  const table: ValueTable = {
    type,
    values,
    keys: new Array(n),
    requests: new Array(n),
    windows: withWindows ? new Array(n) : null,
    accounts: new Int32Array(n),
    hub: new Uint8Array(n),
    keyValues: [],
  };
  const perKey: number[][] = data.keys.map(() => []);
  const owners = new Set<number>();
  values.forEach((value, v) => {
    const d = drafts.get(value)!;
    // Keys arrive ascending from fromKeys; fromAccounts interleaves accounts, so sort.
    const order = d.keys.map((_, i) => i).sort((a, b) => d.keys[a] - d.keys[b]);
    table.keys[v] = Int32Array.from(order, (i) => d.keys[i]);
    table.requests[v] = Float64Array.from(order, (i) => d.requests[i]);
    if (table.windows) table.windows[v] = order.map((i) => d.windows[i]);
    owners.clear();
    for (const key of table.keys[v]) owners.add(ownerOf(data, key));
    table.accounts[v] = owners.size;
    if (owners.size > maxAccounts || alwaysHubs?.has(value)) table.hub[v] = 1;
    else for (const key of table.keys[v]) perKey[key].push(v);
  });
  table.keyValues = perKey.map((vs) => Int32Array.from(vs));
  return table;
}
