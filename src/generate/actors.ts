/**
 * actors.json for a generated dataset: what an analyst might know of the
 * planted groups, partially. LANTERN (the distillation ring) is known by two
 * of its card fingerprints and one signup IP; QUIETWATER (the covert ring) by
 * a single key; HOLLOWAY is a group absent from the data (a card, addresses
 * in documentation ranges, a domain and an ASN that appear nowhere). Chosen
 * from the planned population without drawing from the rng, so every other
 * generated file stays as it was.
 */
import { ActorsFileSchema, type ActorsFile } from '../attribute/schema.ts';
import { compareStrings, sortedStrings } from '../util/compare.ts';
import type { Population } from './types.ts';

export const ABSENT = Object.freeze({
  card: 'pm_0ddba11c0ffee000',
  ip: '192.0.2.77',
  cidr: '2001:db8::/32',
  domain: 'holloway-absent.example',
  asn: 'AS64512',
});

export function plannedActors(pop: Population): ActorsFile {
  const ringAccounts = pop.accounts.filter((a) => a.group === 'distillation-ring').sort((a, b) => compareStrings(a.id, b.id));
  const cards = sortedStrings(new Set(ringAccounts.flatMap((a) => a.cards))).slice(0, 2);
  // A signup IP only the ring uses (the ring's proxy pool also holds customers' home IPs).
  const elsewhere = new Set<string>();
  const pools = new Set<readonly string[]>();
  for (const k of pop.keys) {
    if (k.group === 'distillation-ring') continue;
    for (const ip of k.ips) elsewhere.add(ip);
    if (k.altPool) pools.add(k.altPool);
  }
  for (const pool of pools) for (const ip of pool) elsewhere.add(ip);
  for (const a of pop.accounts) if (a.group !== 'distillation-ring') elsewhere.add(a.signupIp);
  const signup = ringAccounts.find((a) => !elsewhere.has(a.signupIp) && !a.signupIp.includes(':'))?.signupIp;
  const covertKeys = sortedStrings(pop.keys.filter((k) => k.group === 'covert-ring').map((k) => k.id));
  const covertKey = covertKeys[Math.floor(covertKeys.length / 2)];

  const file = {
    actors: [
      {
        name: 'LANTERN',
        description: 'distillation operation taken down earlier; two of its virtual cards and a signup address are known',
        indicators: [
          ...cards.map((value) => ({ type: 'payment_fingerprint', value })),
          ...(signup ? [{ type: 'ip', value: signup, note: 'signup IP' }] : []),
        ],
      },
      {
        name: 'QUIETWATER',
        description: 'small covert group; one API key was reported by a partner',
        indicators: covertKey ? [{ type: 'key_id', value: covertKey }] : [],
      },
      {
        name: 'HOLLOWAY',
        description: 'a group known from elsewhere that is not in this data',
        indicators: [
          { type: 'payment_fingerprint', value: ABSENT.card },
          { type: 'ip', value: ABSENT.ip },
          { type: 'cidr', value: ABSENT.cidr },
          { type: 'email_domain', value: ABSENT.domain },
          { type: 'asn', value: ABSENT.asn },
        ],
      },
    ],
  };
  return ActorsFileSchema.parse(file);
}
