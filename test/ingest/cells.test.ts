import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { Invalid, optionalCount, optionalDomain, requiredTime } from '../../src/ingest/fields.ts';
import { ipPrefix, normaliseIp } from '../../src/ingest/ip.ts';
import { EventRowSchema } from '../../src/ingest/schemas.ts';
import { timestampMs } from '../../src/ingest/timestamp.ts';

describe('timestamps', () => {
  const t = Date.UTC(2024, 0, 2, 3, 4, 5);
  it.each([
    ['ISO with Z', '2024-01-02T03:04:05Z', t],
    ['ISO with fraction', '2024-01-02T03:04:05.250Z', t + 250],
    ['ISO with offset', '2024-01-02T05:04:05+02:00', t],
    ['ISO with compact offset', '2024-01-01T21:34:05-0530', t],
    ['ISO without zone (UTC)', '2024-01-02T03:04:05', t],
    ['space separator', '2024-01-02 03:04:05', t],
    ['date only', '2024-01-02', Date.UTC(2024, 0, 2)],
    ['epoch seconds', t / 1000, t],
    ['epoch milliseconds', t, t],
    ['epoch seconds as text', String(t / 1000), t],
    ['epoch milliseconds as text', String(t), t],
    ['fractional epoch seconds', t / 1000 + 0.5, t + 500],
  ])('%s', (_, value, expected) => {
    expect(timestampMs(value)).toBe(expected);
  });

  it.each([
    'tomorrow', 'May 5 2024', '2024-13-01', '2023-02-29', '2024-01-02T24:00:00Z', '2024-01-02T03:04:05+5',
    '2024-1-2', '1999-12-31T23:59:59Z', '2101-01-01T00:00:00Z', '0', '-1700000000', '1e9', '',
  ])('refuses %j', (value) => {
    expect(timestampMs(value)).toBeNaN();
  });

  it('refuses non-finite numbers and years outside 2000–2100', () => {
    for (const value of [Infinity, NaN, 946684799, 4133980800]) expect(timestampMs(value)).toBeNaN();
    expect(requiredTime(' ')).toBeInstanceOf(Invalid);
  });
});

describe('IP addresses', () => {
  it.each([
    ['203.0.113.9', '203.0.113.9', '203.0.113.0/24'],
    ['2001:DB8:0001:0002:0000:0000:0000:0001', '2001:db8:1:2::1', '2001:db8:1::/48'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1', '2001:db8::/48'],
    ['::ffff:192.0.2.7', '192.0.2.7', '192.0.2.0/24'],
    ['::FFFF:c000:0207', '192.0.2.7', '192.0.2.0/24'],
    ['fe80::1%eth0', 'fe80::1', 'fe80::/48'],
    ['64:ff9b::192.0.2.33', '64:ff9b::c000:221', '64:ff9b::/48'],
    ['::1', '::1', '::/48'],
  ])('%s → %s (%s)', (text, ip, prefix) => {
    expect(normaliseIp(text)).toBe(ip);
    expect(ipPrefix(ip)).toBe(prefix);
  });

  it.each(['999.1.1.1', '1.2.3', '0x7f.1', '010.1.1.1', '1.2.3.4.5', '::ffff:010.1.1.1', '1::2::3', '[::1]', 'localhost', '12345::1', ':1::2'])(
    'refuses %j',
    (text) => {
      expect(normaliseIp(text)).toBeNull();
    },
  );

  it('agrees with ipaddr.js on random IPv6 addresses in every text form', () => {
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let i = 0; i < 2000; i++) {
      const parts = Array.from({ length: 8 }, () => (next() < 0.4 ? 0 : Math.floor(next() * 65536)));
      const address = new ipaddr.IPv6(parts);
      const expected = address.isIPv4MappedAddress() ? address.toIPv4Address().toString() : address.toString();
      for (const form of [address.toString(), address.toNormalizedString(), parts.map((p) => p.toString(16).padStart(4, '0')).join(':')]) {
        expect(normaliseIp(form)).toBe(expected);
        expect(normaliseIp(form.toUpperCase())).toBe(expected);
      }
    }
  });
});

describe('counts and domains', () => {
  it('takes non-negative integers as numbers or decimal text', () => {
    expect(optionalCount(0)).toBe(0);
    expect(optionalCount(' 12 ')).toBe(12);
    expect(optionalCount('')).toBeNull();
    expect(optionalCount(null)).toBeNull();
    for (const bad of [-5, 1.5, NaN, '1.0', '-1', '1e3', 'abc']) expect(optionalCount(bad)).toBeInstanceOf(Invalid);
  });

  it('cuts email domains out of addresses and lower-cases them', () => {
    expect(optionalDomain('@Gmail.COM')).toBe('gmail.com');
    expect(optionalDomain('Bob@Mail.Example.org ')).toBe('mail.example.org');
    expect(optionalDomain('')).toBeNull();
    for (const bad of ['nodot', 'ex ample.com', '@', 'a@', '.com']) expect(optionalDomain(bad)).toBeInstanceOf(Invalid);
  });
});

describe('EventRowSchema', () => {
  it('is the contract: types, then normalised cells', () => {
    expect(EventRowSchema.parse({ timestamp: '2024-01-02', key_id: 7, prompt: '  hi  ', input_tokens: '3' })).toEqual({
      timestamp: Date.UTC(2024, 0, 2),
      key_id: '7',
      account_id: null,
      ip: null,
      user_agent: null,
      model: null,
      prompt: 'hi',
      input_tokens: 3,
      output_tokens: null,
    });
    const bad = EventRowSchema.safeParse({ timestamp: true, key_id: 'k' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]).toMatchObject({ path: ['timestamp'], message: 'must be an ISO 8601 string or epoch number (got true)' });
  });
});
