/** Small text helpers shared by the HTML and Markdown renderers. */
import { fmtInt } from '../util/format.ts';
import type { SharedValue } from './schema.ts';

/** "only this cluster", "3 of 12 accounts in the input", or "—" when unknown. */
export function rarity(v: SharedValue): string {
  if (v.input_accounts === null) return '—';
  if (v.accounts >= v.input_accounts) return `only this cluster (${fmtInt(v.input_accounts)} account${v.input_accounts === 1 ? '' : 's'})`;
  return `${fmtInt(v.accounts)} of ${fmtInt(v.input_accounts)} accounts in the input`;
}

export const SHARED_TITLES = {
  ips: 'IP addresses',
  prefixes: 'Network prefixes',
  payments: 'Payment methods',
  email_domains: 'Email domains',
  user_agents: 'User agents',
  signup_ips: 'Signup IPs',
} as const;

export const EVIDENCE_TITLES: Record<string, string> = {
  account: 'same account',
  payment: 'payment method',
  ip: 'IP',
  prefix: 'prefix',
  user_agent: 'user agent',
  signup_ip: 'signup IP',
  email_domain: 'email domain',
  template: 'prompt template',
};

export const dateOnly = (iso: string | null) => (iso === null ? '—' : iso.slice(0, 10));
export const minute = (iso: string | null) => (iso === null ? '—' : iso.slice(0, 16).replace('T', ' '));
export const risk2 = (r: number) => r.toFixed(2);
