import { describe, expect, it } from 'vitest';
import { cluster } from '../../src/cluster/index.ts';
import { DEFAULT_CONFIG } from '../../src/config/schema.ts';
import { link } from '../../src/link/index.ts';
import type { AccountRecord, EventRecord } from '../../src/model.ts';
import { scoreClusters } from '../../src/score/index.ts';
import { scoreRisk } from '../../src/score/risk.ts';
import { createRng, randInt } from '../../src/util/rng.ts';
import { acct, dataset, ev, T0 } from '../helpers/records.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A ring: 12 free-mail accounts made in one day, 3 shared cards, a rotating proxy pool, all hours. */
function ring(events: EventRecord[], accounts: AccountRecord[]) {
  const rng = createRng(1);
  const mail = ['gmail.com', 'outlook.com', 'proton.me', 'qq.com'];
  for (let a = 0; a < 12; a++) {
    for (const card of [`pm_r${a % 3}`, `pm_r${(a + 1) % 3}`])
      accounts.push(acct({ account_id: `ring${a}`, payment_fingerprint: card, email_domain: mail[a % 4], created_at: T0 - 30 * DAY + a * HOUR, signup_ip: `100.64.${a}.1` }));
    for (let k = 0; k < 3; k++)
      for (let r = 0; r < 60; r++)
        events.push(ev({ key_id: `ring${a}-k${k}`, account_id: `ring${a}`, ip: `100.70.${randInt(rng, 4)}.${randInt(rng, 60)}`, timestamp: T0 + randInt(rng, 7 * 24) * HOUR, output_tokens: 4000 }));
  }
}

/** A company: 12 accounts on its own domain, one corporate card, one NAT, office hours, made over a year. */
function company(events: EventRecord[], accounts: AccountRecord[]) {
  const rng = createRng(2);
  for (let a = 0; a < 12; a++) {
    accounts.push(acct({ account_id: `corp${a}`, payment_fingerprint: 'pm_corp', email_domain: 'example-corp.com', created_at: T0 - 400 * DAY + a * 30 * DAY, signup_ip: '192.0.2.10' }));
    for (let k = 0; k < 2; k++)
      for (let r = 0; r < 60; r++)
        events.push(ev({ key_id: `corp${a}-k${k}`, account_id: `corp${a}`, ip: '192.0.2.10', timestamp: T0 + randInt(rng, 5) * DAY + (9 + randInt(rng, 8)) * HOUR, output_tokens: 500 }));
  }
}

/** Background customers so that modularity has a graph to compare against. */
function customers(events: EventRecord[], accounts: AccountRecord[]) {
  for (let c = 0; c < 300; c++) {
    accounts.push(acct({ account_id: `c${c}`, payment_fingerprint: `pm_c${c}`, email_domain: 'gmail.com' }));
    for (let k = 0; k < 2; k++) events.push(ev({ key_id: `c${c}-k${k}`, account_id: `c${c}`, ip: `198.18.${c % 200}.${c % 250}`, output_tokens: 300 }));
  }
}

describe('risk', () => {
  it('ranks a ring of independent-looking accounts above a benign company', () => {
    const events: EventRecord[] = [];
    const accounts: AccountRecord[] = [];
    ring(events, accounts);
    company(events, accounts);
    customers(events, accounts);
    const data = dataset(events, accounts);
    const linked = link(data, DEFAULT_CONFIG);
    const c = cluster(data.keys.length, linked.kept.map((s) => linked.store.endpoints(s)), linked.kept.map((s) => linked.store.total(s)), DEFAULT_CONFIG, 1);
    const clusters = scoreClusters(c.clusters, data, linked.tables, DEFAULT_CONFIG);
    const ringCluster = clusters.find((x) => x.members.includes('ring0-k0'))!;
    const corpCluster = clusters.find((x) => x.members.includes('corp0-k0'))!;
    expect(ringCluster.size).toBe(36);
    expect(corpCluster.size).toBe(24);
    expect(ringCluster.rank).toBe(1);
    expect(ringCluster.risk).toBeGreaterThan(corpCluster.risk + 0.3);
    expect(ringCluster.reasons.join('\n')).toMatch(/12 accounts share 3 payment methods; 12 of them differ/);
    expect(ringCluster.reasons.join('\n')).toMatch(/10 of 12 accounts created within 9 hours/);
    expect(corpCluster.features).toMatchObject({ accounts: 12, shared_payment_methods: 1, accounts_on_shared_payment_differing_identity: 0, freemail_accounts: 0 });
    expect(ringCluster.evidence.payment.map((v) => v.value).sort()).toEqual(['pm_r0', 'pm_r1', 'pm_r2']);
  });

  it('gives a reason for every score that counts, strongest first', () => {
    const base = scoreRisk(
      {
        keys: 3, accounts: 1, keys_without_account: 0, requests: 10, input_tokens: 0, output_tokens: 0, first_seen: null, last_seen: null,
        payment_methods: 1, shared_payment_methods: 0, accounts_on_shared_payment: 0, accounts_on_shared_payment_differing_identity: 0,
        email_domains: 1, freemail_accounts: 0, freemail_share: 0, accounts_with_created_at: 1, creation_span_hours: null, creation_burst_accounts: 1,
        ips: 1, median_ips_per_key: 1, ips_used_by_3plus_accounts: 0, output_tokens_per_key: 0, volume_ratio: 1, hour_entropy: 0.99,
        active_hours_of_day: 24, sync_share: 0, sync_threshold: 3, reasoning_share: 0, template_share: 0, top_templates: [],
      },
      DEFAULT_CONFIG,
    );
    expect(base.reasons).toEqual(['traffic flat across all 24 hours (hour-of-day entropy 0.99)']);
    expect(base.risk).toBeCloseTo(DEFAULT_CONFIG.risk.weights.flat_hours / Object.values(DEFAULT_CONFIG.risk.weights).reduce((a, b) => a + b), 3);
  });
});
