/**
 * A cluster's accounts legend: accounts by keys descending, then id, each
 * with a colour from the fixed palette in that order (keys with no account
 * last, in their own grey), and what the accounts file says about each.
 */
import type { Dataset } from '../aggregate/index.ts';
import { compareStrings, sortedStrings } from '../util/compare.ts';
import { accountColor, NO_ACCOUNT_COLOR } from './colors.ts';
import type { ClusterAccount } from './schema.ts';

export interface AccountLegend {
  accounts: ClusterAccount[];
  /** Colour of each member, aligned with the members. */
  colorOf: string[];
}

export function accountLegend(members: Int32Array, data: Dataset): AccountLegend {
  const tally = new Map<number, { keys: number; requests: number }>();
  for (const key of members) {
    const a = data.keyAccount[key];
    let t = tally.get(a);
    if (t === undefined) tally.set(a, (t = { keys: 0, requests: 0 }));
    t.keys++;
    t.requests += data.keys[key].requests;
  }
  const order = [...tally.keys()].sort((x, y) => {
    if (x < 0 || y < 0) return x < 0 ? (y < 0 ? 0 : 1) : -1;
    return tally.get(y)!.keys - tally.get(x)!.keys || compareStrings(data.accounts[x].id, data.accounts[y].id);
  });
  const color = new Map<number, string>();
  const accounts = order.map((a, rank): ClusterAccount => {
    const t = tally.get(a)!;
    const c = a < 0 ? NO_ACCOUNT_COLOR : accountColor(rank);
    color.set(a, c);
    if (a < 0)
      return { id: null, color: c, keys: t.keys, requests: t.requests, email_domain: null, created_at: null, country: null, payments: [], signup_ips: [] };
    const s = data.accounts[a];
    return {
      id: s.id,
      color: c,
      keys: t.keys,
      requests: t.requests,
      email_domain: s.emailDomain,
      created_at: s.createdAt === null ? null : new Date(s.createdAt).toISOString(),
      country: s.country,
      payments: sortedStrings(s.payments),
      signup_ips: sortedStrings(s.signupIps),
    };
  });
  return { accounts, colorOf: Array.from(members, (key) => color.get(data.keyAccount[key])!) };
}
