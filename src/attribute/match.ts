/**
 * Indicator matching: which keys of the input an indicator points at, and
 * how rare its value is (distinct accounts holding it in the whole input,
 * counted as linking counts them: a key without an account is its own).
 *
 * key_id and account_id look up the sorted key and account lists; ip matches
 * request IPs and signup IPs (normalised as ingest does); cidr tests every
 * distinct IP of both kinds (IPv4 and IPv6, ipaddr.js); payment_fingerprint,
 * email_domain (lower-cased) and user_agent look up the linking value
 * tables, which hold hub values too; template matches mined templates
 * (template-match.ts). asn cannot match: the logs carry no ASN.
 *
 * first_seen/last_seen: a key matches only when its activity (first to last
 * request) overlaps the window.
 */
import ipaddr from 'ipaddr.js';
import { ownerOf, type Dataset } from '../aggregate/index.ts';
import type { EvidenceType } from '../config/schema.ts';
import { normaliseIp } from '../ingest/ip.ts';
import type { ValueTable } from '../link/index.ts';
import type { KeyTemplates } from '../prompts/index.ts';
import { compareStrings } from '../util/compare.ts';
import type { Indicator } from './schema.ts';
import { TemplateMatcher } from './template-match.ts';

export interface IndicatorMatch {
  /** Matched key indices, ascending (after the time window). */
  keys: Int32Array;
  /** Distinct accounts holding the value(s) in the whole input. */
  holders: number;
  /** Some matched value is a linking hub. */
  hub: boolean;
  /** Why the indicator can never match these logs, or null. */
  unmatchable: string | null;
}

export interface MatchContext {
  data: Dataset;
  tables: ReadonlyMap<EvidenceType, ValueTable>;
  templates: KeyTemplates | null;
  /** Two-way coverage a template indicator needs. */
  minTemplateCoverage: number;
}

function bsearch(items: ArrayLike<string>, x: string, at: (i: number) => string = (i) => items[i] as string): number {
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = compareStrings(at(mid), x);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

export class Matcher {
  private parsedIps: Map<string, ipaddr.IPv4 | ipaddr.IPv6> | null = null;
  private templateMatcher: TemplateMatcher | null = null;

  constructor(private readonly ctx: MatchContext) {}

  match(indicator: Indicator): IndicatorMatch {
    const found = this.find(indicator);
    if (typeof found === 'string') return { keys: new Int32Array(0), holders: 0, hub: false, unmatchable: found };
    const { data } = this.ctx;
    const keys = [...new Set(found.keys)].sort((a, b) => a - b);
    const owners = new Set(keys.map((k) => ownerOf(data, k)));
    const from = indicator.first_seen === undefined ? -Infinity : Date.parse(indicator.first_seen);
    const to = indicator.last_seen === undefined ? Infinity : Date.parse(indicator.last_seen);
    const inWindow = keys.filter((k) => data.keys[k].last >= from && data.keys[k].first <= to);
    return { keys: Int32Array.from(inWindow), holders: owners.size, hub: found.hub, unmatchable: null };
  }

  /** Keys holding the indicator's value(s), unsorted, with the hub flag; or why it cannot match. */
  private find(indicator: Indicator): { keys: number[]; hub: boolean } | string {
    const { data } = this.ctx;
    const value = indicator.value.trim();
    switch (indicator.type) {
      case 'key_id': {
        const k = bsearch(data.keys as unknown as ArrayLike<string>, value, (i) => data.keys[i].id);
        return { keys: k < 0 ? [] : [k], hub: false };
      }
      case 'account_id': {
        const a = bsearch(data.accounts as unknown as ArrayLike<string>, value, (i) => data.accounts[i].id);
        return { keys: a < 0 ? [] : data.accountKeys[a], hub: false };
      }
      case 'ip': {
        const ip = normaliseIp(value);
        if (ip === null) return 'not an IPv4 or IPv6 address';
        return this.values(['ip', 'signup_ip'], ip);
      }
      case 'cidr': {
        let range: [ipaddr.IPv4 | ipaddr.IPv6, number];
        try {
          range = ipaddr.parseCIDR(value);
        } catch {
          return 'not a CIDR range (a.b.c.d/n or an IPv6 prefix)';
        }
        return this.values(['ip', 'signup_ip'], (v) => {
          const addr = this.parsedIp(v);
          return addr !== null && addr.kind() === range[0].kind() && addr.match(range);
        });
      }
      case 'payment_fingerprint':
        return this.values(['payment'], value);
      case 'email_domain': {
        const domain = value.slice(value.lastIndexOf('@') + 1).toLowerCase();
        return this.values(['email_domain'], domain);
      }
      case 'user_agent':
        return this.values(['user_agent'], value);
      case 'template': {
        const kt = this.ctx.templates;
        if (kt === null) return 'templates were not mined in this build (templates.enabled is false)';
        this.templateMatcher ??= new TemplateMatcher(
          kt.templates.map((t) => t.text),
          this.ctx.minTemplateCoverage,
        );
        const ids = new Set(this.templateMatcher.match(value).map((t) => kt.templates[t].id));
        return this.values(['template'], (v) => ids.has(v));
      }
      case 'asn':
        return 'the logs carry no ASN; asn indicators are kept in the file but match nothing';
    }
  }

  /** Keys of the values of these tables equal to `test` (a binary search) or passing it (a scan). */
  private values(types: EvidenceType[], test: string | ((value: string) => boolean)): { keys: number[]; hub: boolean } {
    const keys: number[] = [];
    let hub = false;
    for (const type of types) {
      const table = this.ctx.tables.get(type);
      if (table === undefined) continue;
      const take = (v: number) => {
        for (let s = table.keyStart[v]; s < table.keyStart[v + 1]; s++) keys.push(table.keyList[s]);
        if (table.hub[v] === 1) hub = true;
      };
      if (typeof test === 'string') {
        const v = bsearch(table.values, test);
        if (v >= 0) take(v);
      } else for (let v = 0; v < table.values.length; v++) if (test(table.values[v])) take(v);
    }
    return { keys, hub };
  }

  private parsedIp(v: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
    this.parsedIps ??= new Map();
    let p = this.parsedIps.get(v);
    if (p === undefined) {
      if (!ipaddr.isValid(v)) return null;
      p = ipaddr.parse(v);
      this.parsedIps.set(v, p);
    }
    return p;
  }
}
