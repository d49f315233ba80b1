import { describe, expect, it } from 'vitest';
import { supportedMembers } from '../../src/cluster/support.ts';
import { DEFAULT_CONFIG } from '../../src/config/schema.ts';
import { link } from '../../src/link/index.ts';
import { acct, dataset, ev } from '../helpers/records.ts';

describe('weak members', () => {
  // Ring accounts r0..r3 share card pm_r; r0 signed up from, and the ring used, a home user's IP.
  const accounts = [
    ...['r0', 'r1', 'r2', 'r3'].map((id) => acct({ account_id: id, payment_fingerprint: 'pm_r', signup_ip: id === 'r0' ? '198.51.100.9' : null })),
    acct({ account_id: 'home', payment_fingerprint: 'pm_home', signup_ip: '198.51.100.9', email_domain: 'gmail.com' }),
    acct({ account_id: 'friend', payment_fingerprint: 'pm_friend', email_domain: 'rare-startup.io' }),
  ];
  const events = [
    ...['r0', 'r1', 'r2', 'r3'].map((a) => ev({ key_id: `${a}-k`, account_id: a, ip: '198.51.100.9' })),
    ev({ key_id: 'home-k', account_id: 'home', ip: '198.51.100.9' }),
    // Shares two independent identifiers with the ring: an IP and a rare email domain.
    ev({ key_id: 'friend-k', account_id: 'friend', ip: '203.0.113.77' }),
    ev({ key_id: 'r1-k', account_id: 'r1', ip: '203.0.113.77' }),
  ];
  accounts.push(acct({ account_id: 'r1', email_domain: 'rare-startup.io' }));
  const data = dataset(events, accounts);
  const tables = link(data, DEFAULT_CONFIG).tables;
  const all = data.keys.map((_, i) => i);
  const ids = (keys: number[]) => keys.map((i) => data.keys[i].id);

  it('drops an account whose only tie is one IP (as request IP and signup IP), keeps card sharers and two-identifier ties', () => {
    expect(ids(supportedMembers(all, data, tables, 2))).toEqual(['friend-k', 'r0-k', 'r1-k', 'r2-k', 'r3-k']);
  });

  it('keeps everyone when one identifier is enough', () => {
    expect(ids(supportedMembers(all, data, tables, 1))).toHaveLength(6);
  });

  it('leaves a single-account cluster alone', () => {
    const single = all.filter((i) => data.keys[i].id.startsWith('r2'));
    expect(supportedMembers(single, data, tables, 2)).toEqual(single);
  });
});
