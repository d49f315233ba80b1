/**
 * What the accounts file says about one account, merged over all its rows
 * (an export may have one row per payment method). Scalars that disagree
 * resolve to the smallest value, so row order never matters.
 */
import type { AccountRecord } from '../model.ts';

export interface AccountStats {
  id: string;
  payments: Set<string>;
  signupIps: Set<string>;
  emailDomain: string | null;
  createdAt: number | null;
  country: string | null;
  /** True when at least one row of the accounts file named it. */
  known: boolean;
}

export function createAccountStats(id: string): AccountStats {
  return { id, payments: new Set(), signupIps: new Set(), emailDomain: null, createdAt: null, country: null, known: false };
}

const minString = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);
const minNumber = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));

export function addAccount(stats: AccountStats, r: AccountRecord): void {
  stats.known = true;
  if (r.payment_fingerprint !== null) stats.payments.add(r.payment_fingerprint);
  if (r.signup_ip !== null) stats.signupIps.add(r.signup_ip);
  stats.emailDomain = minString(stats.emailDomain, r.email_domain);
  stats.country = minString(stats.country, r.country);
  stats.createdAt = minNumber(stats.createdAt, r.created_at);
}
