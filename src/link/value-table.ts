/**
 * Key–value incidence for one evidence type: which keys hold each value, how
 * many distinct accounts that is (the value's rarity), and which values are
 * hubs. Accounts are counted, not keys, so one organisation's hundred keys on
 * its own NAT are not a hub; a key without an account counts as its own.
 *
 * Laid out flat (CSR), with no object per value or per key: at 0.5–2M keys a
 * table has millions of values, and one small array each cost more in
 * allocation and GC than the rest of the build's linking. Built without one
 * either: each value is interned to an integer id (an IP is its IP id), its
 * (id, key, requests) triples go end to end into typed arrays, and counting
 * sorts by key then by value put them in place.
 */
import { Interner } from '../aggregate/interner.ts';
import type { EvidenceType } from '../config/schema.ts';
import type { Dataset, KeyWindows } from '../aggregate/index.ts';
import { ipPrefix } from '../ingest/ip.ts';
import { estimatedRequests, type KeyTemplates } from '../prompts/index.ts';
import { compareStrings } from '../util/compare.ts';
import { grow } from '../util/grow.ts';

export interface ValueTable {
  type: EvidenceType;
  /** Distinct values, sorted. */
  values: string[];
  /** Value v is held by keys keyList[keyStart[v] … keyStart[v+1]), ascending; length values + 1. */
  keyStart: Int32Array;
  keyList: Int32Array;
  /** Aligned with `keyList`: that key's requests on the value. */
  requestList: Float64Array;
  /** IP only; per non-hub value on two keys or more (else null), aligned with its keys: sorted co-activity windows. */
  windows: Array<KeyWindows | null> | null;
  /** Per value: distinct accounts. */
  accounts: Int32Array;
  /** Per value: 1 when suppressed as a hub. */
  hub: Uint8Array;
  /** Key i holds the non-hub values valueList[valueStart[i] … valueStart[i+1]), ascending; length keys + 1. */
  valueStart: Int32Array;
  valueList: Int32Array;
}

/** Number of keys holding value v. */
export function keyCount(table: ValueTable, v: number): number {
  return table.keyStart[v + 1] - table.keyStart[v];
}

/** Keys holding value v, ascending (a view). */
export function keysOf(table: ValueTable, v: number): Int32Array {
  return table.keyList.subarray(table.keyStart[v], table.keyStart[v + 1]);
}

/** Non-hub values of key `key`, ascending (a view). */
export function valuesOf(table: ValueTable, key: number): Int32Array {
  return table.valueList.subarray(table.valueStart[key], table.valueStart[key + 1]);
}

/** Value ids, keys and requests end to end, in the order the collector added them. */
class Triples {
  value = new Int32Array(1024);
  key = new Int32Array(1024);
  requests = new Float64Array(1024);
  size = 0;
  /** Keys were added in non-decreasing order. */
  keysAscending = true;

  add(value: number, key: number, requests: number): void {
    const n = this.size;
    if (n === this.value.length) {
      const cap = n * 2;
      this.value = grow(this.value, new Int32Array(cap));
      this.key = grow(this.key, new Int32Array(cap));
      this.requests = grow(this.requests, new Float64Array(cap));
    }
    if (n > 0 && this.key[n - 1] > key) this.keysAscending = false;
    this.value[n] = value;
    this.key[n] = key;
    this.requests[n] = requests;
    this.size = n + 1;
  }
}

/** Value names by id: interned strings, or (IPs) the dataset's IP names with the IP id as value id. */
interface Collected {
  triples: Triples;
  /** Name of each value id (ids that no triple uses are allowed). */
  names: readonly string[];
}

type Collect = (data: Dataset, triples: Triples) => Collected;

const fromIps: Collect = (data, triples) => {
  const keys = data.keys;
  for (let i = 0; i < keys.length; i++) for (const [ip, requests] of keys[i].ips) triples.add(ip, i, requests);
  return { triples, names: data.ipNames };
};

const fromUserAgents: Collect = (data, triples) => {
  const interner = new Interner();
  const keys = data.keys;
  for (let i = 0; i < keys.length; i++) for (const [ua, requests] of keys[i].userAgents) triples.add(interner.id(ua), i, requests);
  return { triples, names: interner.names };
};

/** Prefixes derive from each key's IPs (several IPs of a key may share one): summed per key in the key's IP order. */
const fromPrefixes: Collect = (data, triples) => {
  const interner = new Interner();
  // Per IP id, its prefix's id, computed once.
  const prefixOf = new Int32Array(data.ipNames.length).fill(-1);
  // Per prefix id: the last key that touched it and that key's sum so far.
  let seenBy = new Int32Array(1024).fill(-1);
  let sum = new Float64Array(1024);
  const touched: number[] = [];
  const keys = data.keys;
  for (let i = 0; i < keys.length; i++) {
    touched.length = 0;
    for (const [ip, requests] of keys[i].ips) {
      let p = prefixOf[ip];
      if (p < 0) {
        p = prefixOf[ip] = interner.id(ipPrefix(data.ipNames[ip]));
        if (p >= seenBy.length) {
          seenBy = grow(seenBy, new Int32Array(seenBy.length * 2).fill(-1));
          sum = grow(sum, new Float64Array(sum.length * 2));
        }
      }
      if (seenBy[p] !== i) {
        seenBy[p] = i;
        sum[p] = 0;
        touched.push(p);
      }
      sum[p] += requests;
    }
    for (const p of touched) triples.add(p, i, sum[p]);
  }
  return { triples, names: interner.names };
};

const fromAccounts =
  (values: (a: Dataset['accounts'][number]) => Iterable<string | null>): Collect =>
  (data, triples) => {
    const interner = new Interner();
    data.accounts.forEach((account, a) => {
      for (const value of values(account)) {
        if (value === null) continue;
        const id = interner.id(value);
        for (const key of data.accountKeys[a]) triples.add(id, key, data.keys[key].requests);
      }
    });
    return { triples, names: interner.names };
  };

/** Templates come from the prompts stage: values are template ids, requests estimated from the sample. */
const fromTemplates =
  (kt: KeyTemplates | null): Collect =>
  (data, triples) => {
    const interner = new Interner();
    if (kt !== null)
      kt.perKey.forEach((counts, key) => {
        for (const t of counts.keys()) triples.add(interner.id(kt.templates[t].id), key, estimatedRequests(kt, data, key, t));
      });
    return { triples, names: interner.names };
  };

const COLLECT: Record<Exclude<EvidenceType, 'template'>, Collect> = {
  account: fromAccounts((a) => [a.id]),
  payment: fromAccounts((a) => a.payments),
  ip: fromIps,
  prefix: fromPrefixes,
  user_agent: fromUserAgents,
  signup_ip: fromAccounts((a) => a.signupIps),
  email_domain: fromAccounts((a) => [a.emailDomain]),
};

/**
 * `maxAccounts` is the hub limit; values in `alwaysHubs` (free-mail domains)
 * are hubs whatever their count.
 */
export function buildValueTable(
  data: Dataset,
  type: EvidenceType,
  maxAccounts: number,
  alwaysHubs?: ReadonlySet<string>,
  templates: KeyTemplates | null = null,
): ValueTable {
  const collect = type === 'template' ? fromTemplates(templates) : COLLECT[type];
  const { triples, names } = collect(data, new Triples());
  const m = triples.size;
  const nodes = data.keys.length;

  // Value ids in use, sorted by name: rank[id] is the value's index in `values`.
  const used = new Uint8Array(names.length);
  for (let e = 0; e < m; e++) used[triples.value[e]] = 1;
  const ids: number[] = [];
  for (let id = 0; id < names.length; id++) if (used[id] === 1) ids.push(id);
  ids.sort((a, b) => compareStrings(names[a], names[b]));
  const n = ids.length;
  const values = new Array<string>(n);
  const rank = new Int32Array(names.length);
  for (let v = 0; v < n; v++) {
    values[v] = names[ids[v]];
    rank[ids[v]] = v;
  }

  // Triples by value, keys ascending within a value, ties in the order added: the per-key collectors
  // add keys in order; the others (accounts interleave keys) need a stable counting sort by key first.
  let order: Int32Array | null = null;
  if (!triples.keysAscending) {
    const at = new Int32Array(nodes + 1);
    for (let e = 0; e < m; e++) at[triples.key[e] + 1]++;
    for (let i = 0; i < nodes; i++) at[i + 1] += at[i];
    order = new Int32Array(m);
    for (let e = 0; e < m; e++) order[at[triples.key[e]]++] = e;
  }
  const keyStart = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) keyStart[rank[triples.value[e]] + 1]++;
  for (let v = 0; v < n; v++) keyStart[v + 1] += keyStart[v];
  const keyList = new Int32Array(m);
  const requestList = new Float64Array(m);
  const fill = keyStart.slice(0, n);
  for (let x = 0; x < m; x++) {
    const e = order === null ? x : order[x];
    const slot = fill[rank[triples.value[e]]]++;
    keyList[slot] = triples.key[e];
    requestList[slot] = triples.requests[e];
  }

  const accounts = new Int32Array(n);
  const hub = new Uint8Array(n);
  const windows: Array<KeyWindows | null> | null = type === 'ip' ? new Array<KeyWindows | null>(n).fill(null) : null;
  const valueStart = new Int32Array(nodes + 1);
  // Distinct owners per value: an account counts once (stamped with the value), a key without one is its own.
  const stamp = new Int32Array(data.accounts.length).fill(-1);
  for (let v = 0; v < n; v++) {
    const start = keyStart[v];
    const end = keyStart[v + 1];
    let owners = 0;
    for (let s = start; s < end; s++) {
      const a = data.keyAccount[keyList[s]];
      if (a < 0) owners++;
      else if (stamp[a] !== v) {
        stamp[a] = v;
        owners++;
      }
    }
    accounts[v] = owners;
    if (owners > maxAccounts || alwaysHubs?.has(values[v]) === true) {
      hub[v] = 1;
      continue;
    }
    for (let s = start; s < end; s++) valueStart[keyList[s] + 1]++;
    // Windows are needed only where the value can link: not on hubs. Only IPs have them, and an IP's value id is its IP id.
    if (windows !== null && end - start >= 2) windows[v] = data.ipWindows.of(ids[v], keyList.subarray(start, end));
  }
  for (let i = 0; i < nodes; i++) valueStart[i + 1] += valueStart[i];
  const valueList = new Int32Array(valueStart[nodes]);
  const next = valueStart.slice(0, nodes);
  for (let v = 0; v < n; v++) {
    if (hub[v] === 1) continue;
    for (let s = keyStart[v]; s < keyStart[v + 1]; s++) valueList[next[keyList[s]]++] = v;
  }

  return {
    type,
    values,
    keyStart,
    keyList,
    requestList,
    windows,
    accounts,
    hub,
    valueStart,
    valueList,
  };
}
