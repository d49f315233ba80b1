import { gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { splitCsvRecord } from '../../src/ingest/csv-fields.ts';
import { collect, tempFile } from './helpers.ts';

const header = 'account_id,email_domain,signup_ip,created_at,note';
const rows = [
  /* 2 */ 'A1,@Gmail.COM,203.0.113.5,2024-01-01T00:00:00Z,plain',
  /* 3 */ '',
  /* 4 */ 'A2,bob@Example.org,::ffff:10.0.0.1,1700000000,"two\r\nlines, and ""quotes"""',
  /* 6 */ 'A3,nodot,,,<script>alert(1)</script>',
  /* 7 */ 'A4,example.com,010.1.1.1,,',
  /* 8 */ 'A5,example.com',
  /* 9 */ 'A6,example.com,,,x,extra',
  /* 10 */ '   ',
  /* 11 */ ',example.com,,,',
  /* 12 */ '"A7"x,example.com,,,',
  /* 13 */ 'A8,ok.example,2001:db8::1,2024-02-29,"<b>bold</b>"',
];
const messy = `\uFEFF${[header, ...rows].join('\r\n')}\r\n`;

describe('readInput on CSV', () => {
  it('counts a messy file, header excluded', async () => {
    const { stats } = await collect(tempFile('accounts.csv', messy), 'accounts');
    expect(stats).toMatchObject({ kind: 'accounts', format: 'csv', read: 11, accepted: 3, rejected: 6, blank: 2 });
  });

  it('reads quoted line breaks and doubled quotes, and keeps extras as strings', async () => {
    const { accounts } = await collect(tempFile('accounts.csv', messy), 'accounts');
    expect(accounts.map((a) => a.account_id)).toEqual(['A1', 'A2', 'A8']);
    expect(accounts[0]).toMatchObject({ email_domain: 'gmail.com', signup_ip: '203.0.113.5', created_at: Date.UTC(2024, 0, 1) });
    expect(accounts[1]).toMatchObject({
      email_domain: 'example.org',
      signup_ip: '10.0.0.1',
      created_at: 1_700_000_000_000,
      extra: { note: 'two\r\nlines, and "quotes"' },
    });
    expect(accounts[2]).toMatchObject({ signup_ip: '2001:db8::1', payment_fingerprint: null, country: null });
    expect(accounts[2].extra).toEqual({ note: '<b>bold</b>' });
  });

  it('rejects bad rows with reasons and the physical line where they start', async () => {
    const { reasons } = await collect(tempFile('accounts.csv', messy), 'accounts');
    expect(Object.fromEntries(reasons)).toEqual({
      6: '"email_domain" is not an email domain ("nodot")',
      7: '"signup_ip" is not an IPv4 or IPv6 address ("010.1.1.1")',
      8: 'row has 2 fields, header has 5',
      9: 'row has 6 fields, header has 5',
      11: 'missing "account_id"',
      12: 'malformed CSV: text after the closing quote in field 1',
    });
  });

  it('reads gzip exactly like plain', async () => {
    const plain = await collect(tempFile('accounts.csv', messy), 'accounts');
    const gz = await collect(tempFile('accounts.csv.gz', gzipSync(messy)), 'accounts');
    expect({ ...gz.stats, file: '' }).toEqual({ ...plain.stats, file: '' });
    expect(gz.accounts).toEqual(plain.accounts);
  });

  it('maps columns, and a header named __proto__ stays a plain extra', async () => {
    const text = 'acct,__proto__,constructor,ip\nA1,p,c,1.2.3.4\n';
    const { accounts } = await collect(tempFile('mapped.csv', text), 'accounts', {
      columns: { account_id: 'acct', signup_ip: 'ip' },
    });
    expect(accounts[0].account_id).toBe('A1');
    expect(accounts[0].signup_ip).toBe('1.2.3.4');
    expect(Object.entries(accounts[0].extra)).toEqual([
      ['__proto__', 'p'],
      ['constructor', 'c'],
    ]);
    expect(Object.getPrototypeOf(accounts[0].extra)).toBe(null);
  });

  it('refuses a header without a required column', async () => {
    const file = tempFile('accounts.csv', 'id,email_domain\nA1,x.com\n');
    await expect(collect(file, 'accounts')).rejects.toMatchObject({ code: 'E_INPUT_HEADER' });
  });

  it('rejects an over-long record without loading it and reads on', async () => {
    const big = `A2,x.com,,,"${'y'.repeat(5 * 1024 * 1024)}\n${'z'.repeat(100)}"`;
    const text = `${header}\nA1,x.com,,,\n${big}\nA3,x.com,,,\n`;
    const { accounts, rejections } = await collect(tempFile('big.csv', text), 'accounts', { rawPreviewChars: 16 });
    expect(accounts.map((a) => a.account_id)).toEqual(['A1', 'A3']);
    expect(rejections.map((r) => [r.line, r.reason, r.raw])).toEqual([
      [3, 'record longer than 65536 bytes', 'A2,x.com,,,"yyyy'],
    ]);
  });

  it('turns an unclosed quote that swallows the rest of the file into one rejection', async () => {
    const short = `${header}\nA1,x.com,,,\nA2,x.com,,,"oops\nA3,x.com,,,\nA4,x.com,,,\n`;
    const a = await collect(tempFile('unclosed.csv', short), 'accounts');
    expect(a.accounts.map((r) => r.account_id)).toEqual(['A1']);
    expect(a.stats).toMatchObject({ read: 2, accepted: 1, rejected: 1 });
    expect(a.rejections[0]).toMatchObject({ line: 3, reason: 'malformed CSV: unclosed quote in field 5' });

    const rest = `A3,x.com,,,\n`.repeat(10_000); // ~120 kB after the quote: over the limit
    const b = await collect(tempFile('unclosed-long.csv', `${header}\nA2,x.com,,,"oops\n${rest}`), 'accounts');
    expect(b.stats).toMatchObject({ read: 1, accepted: 0, rejected: 1 });
    expect(b.rejections[0].line).toBe(2);
    expect(b.rejections[0].reason).toBe(
      'record longer than 65536 bytes (it ends inside a quoted field: an unclosed quote?)',
    );
  });

  it('splits fields like csv-parse on well-formed records', () => {
    const records = ['a,b,c', '"a,b",c', '"say ""hi""",x', '"",', ',,', '"multi\nline",2', 'x"y,z', ' sp , "q" '.trim()];
    for (const record of records) {
      const expected = parse(record, { relax_quotes: true, relax_column_count: true })[0];
      expect(splitCsvRecord(record).fields, record).toEqual(expected);
    }
  });
});
