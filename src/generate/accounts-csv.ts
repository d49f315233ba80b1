/**
 * accounts.csv: one row per (account, payment method), sorted by account id,
 * RFC 4180 quoting where a field needs it. A few valid rows carry values that
 * need quoting or are hostile; a few malformed rows are mixed in.
 */
import { createRng, randInt } from '../util/rng.ts';
import { mix32 } from '../util/hash.ts';
import { compareStrings } from '../util/compare.ts';
import { malformedAccountRow } from './malformed.ts';
import type { AccountPlan } from './types.ts';
import { HOSTILE } from './vocab.ts';

export const ACCOUNTS_HEADER = 'account_id,payment_fingerprint,email_domain,created_at,signup_ip,country';

/** RFC 4180: quote a field holding a comma, quote or line break; double inner quotes. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export interface AccountsCsv {
  text: string;
  rows: number;
  malformed: number;
}

export function accountsCsv(accounts: readonly AccountPlan[], seed: number, malformedRate: number): AccountsCsv {
  const rng = createRng(mix32(seed, 0x616363));
  const sorted = accounts.slice().sort((a, b) => compareStrings(a.id, b.id));
  const lines = [ACCOUNTS_HEADER];
  let rows = 0;
  let malformed = 0;
  // Ordinary accounts that carry a country needing quotes or a formula.
  const ordinary = sorted.filter((a) => a.group === 'ordinary');
  const special = new Map<string, string>([
    [ordinary[1]?.id ?? '', 'Korea, Republic of'],
    [ordinary[2]?.id ?? '', HOSTILE.formula],
  ]);
  const badEvery = malformedRate > 0 ? Math.max(20, Math.round(1 / (malformedRate * 2))) : 0;
  for (const a of sorted) {
    const created = rng() < 0.05 ? String(Math.floor(a.createdAt / 1000)) : new Date(a.createdAt).toISOString().slice(0, 19) + 'Z';
    const domain = rng() < 0.03 ? (rng() < 0.5 ? '@' : '') + a.emailDomain.toUpperCase() : a.emailDomain;
    for (const card of a.cards) {
      const fields = [a.id, card, domain, created, a.signupIp, special.get(a.id) ?? a.country];
      lines.push(fields.map(csvField).join(','));
      rows++;
      if (badEvery > 0 && randInt(rng, badEvery) === 0) {
        lines.push(malformedAccountRow([a.id, card, domain, created, a.signupIp, a.country], malformed));
        malformed++;
        if (malformed % 3 === 0) lines.push('');
      }
    }
  }
  return { text: lines.join('\n') + '\n', rows, malformed };
}
