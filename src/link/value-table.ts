/**
 * Key–value incidence for one evidence type: which keys hold each value, how
 * many distinct accounts that is (the value's rarity), and which values are
 * hubs. Accounts are counted, not keys, so one organisation's hundred keys on
 * its own NAT are not a hub; a key without an account counts as its own.
 */
import type { EvidenceType } from '../config/schema.ts';
import type { Dataset, KeyWindows } from '../aggregate/index.ts';
import { ipPrefix } from '../ingest/ip.ts';
import { estimatedRequests, type KeyTemplates } from '../prompts/index.ts';
import { compareStrings } from '../util/compare.ts';

export interface ValueTable {
  type: EvidenceType;
  /** Distinct values, sorted. */
  values: string[];
  /** Per value: the keys holding it, ascending. */
  keys: Int32Array[];
  /** Per value, aligned with `keys`: that key's requests on the value. */
  requests: Float64Array[];
  /** IP only; per non-hub value, aligned with `keys`: sorted co-activity windows. */
  windows: Array<KeyWindows | null> | null;
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
  /** IP id (for windows), or -1. */
  ip: number;
}

type Collect = (data: Dataset, add: (value: string, key: number, requests: number, ip?: number) => void) => void;

const fromIps: Collect = (data, add) =>
  data.keys.forEach((k, i) => {
    for (const [ip, requests] of k.ips) add(data.ipNames[ip], i, requests, ip);
  });

const fromUserAgents: Collect = (data, add) =>
  data.keys.forEach((k, i) => {
    for (const [ua, requests] of k.userAgents) add(ua, i, requests);
  });

/** Prefixes derive from each key's IPs (several IPs of a key may share one). */
const fromPrefixes: Collect = (data, add) => {
  // Per IP id, its prefix, computed once.
  const prefixOf: Array<string | undefined> = new Array(data.ipNames.length);
  const perKey = new Map<string, number>();
  data.keys.forEach((k, i) => {
    perKey.clear();
    for (const [ip, requests] of k.ips) {
      const prefix = (prefixOf[ip] ??= ipPrefix(data.ipNames[ip]));
      perKey.set(prefix, (perKey.get(prefix) ?? 0) + requests);
    }
    for (const [prefix, requests] of perKey) add(prefix, i, requests);
  });
};

const fromAccounts =
  (values: (a: Dataset['accounts'][number]) => Iterable<string | null>): Collect =>
  (data, add) =>
    data.accounts.forEach((account, a) => {
      for (const value of values(account)) {
        if (value === null) continue;
        for (const key of data.accountKeys[a]) add(value, key, data.keys[key].requests);
      }
    });

/** Templates come from the prompts stage: values are template ids, requests estimated from the sample. */
const fromTemplates =
  (kt: KeyTemplates | null): Collect =>
  (data, add) => {
    if (kt === null) return;
    kt.perKey.forEach((counts, key) => {
      for (const t of counts.keys()) add(kt.templates[t].id, key, estimatedRequests(kt, data, key, t));
    });
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
  const drafts = new Map<string, Draft>();
  const withWindows = type === 'ip';
  const collect = type === 'template' ? fromTemplates(templates) : COLLECT[type];
  collect(data, (value, key, requests, ip = -1) => {
    let d = drafts.get(value);
    if (d === undefined) drafts.set(value, (d = { keys: [], requests: [], ip }));
    d.keys.push(key);
    d.requests.push(requests);
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
  // Distinct owners per value: an account counts once (stamped with the value), a key without one is its own.
  const stamp = new Int32Array(data.accounts.length).fill(-1);
  values.forEach((value, v) => {
    const d = drafts.get(value)!;
    const k = d.keys.length;
    // Keys arrive ascending from the per-key collectors; fromAccounts interleaves accounts, so sort then.
    let order: number[] | null = null;
    for (let i = 1; i < k; i++) {
      if (d.keys[i - 1] > d.keys[i]) {
        order = d.keys.map((_, j) => j).sort((a, b) => d.keys[a] - d.keys[b]);
        break;
      }
    }
    const keys = new Int32Array(k);
    const requests = new Float64Array(k);
    let owners = 0;
    for (let i = 0; i < k; i++) {
      const o = order ? order[i] : i;
      keys[i] = d.keys[o];
      requests[i] = d.requests[o];
      const a = data.keyAccount[keys[i]];
      if (a < 0) owners++;
      else if (stamp[a] !== v) {
        stamp[a] = v;
        owners++;
      }
    }
    table.keys[v] = keys;
    table.requests[v] = requests;
    table.accounts[v] = owners;
    const hub = owners > maxAccounts || alwaysHubs?.has(value) === true;
    // Windows are needed only where the value can link: not on hubs.
    if (table.windows) table.windows[v] = hub || k < 2 ? null : data.ipWindows.of(d.ip, keys);
    if (hub) table.hub[v] = 1;
    else for (const key of table.keys[v]) perKey[key].push(v);
  });
  table.keyValues = perKey.map((vs) => Int32Array.from(vs));
  return table;
}
