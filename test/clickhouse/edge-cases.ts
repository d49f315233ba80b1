/**
 * Rows with one unusual cell each (timestamps, IPs, counts, keys, blanks and
 * whitespace), all as text, for checking the SQL row contract against
 * src/ingest. Every row has a key of its own (edge-N) unless the key is the
 * cell under test.
 */
import { EVENT_ROLES } from '../../src/model.ts';

type Cells = Record<(typeof EVENT_ROLES)[number], string | null>;

const TIMESTAMPS = [
  '2026-11-02T03:04:05.123Z', '2026-11-02', '2026-11-02 03:04', '2026-11-02t03:04:05,5+05:30', '2026-11-02T03:04:05.1234567891Z',
  '2026-11-02T03:04:05.123456789Z', '2026-02-29T00:00:00Z', '2024-02-29T00:00:00Z', '2023-04-31T00:00:00Z', '1999-12-31T23:00:00-05:00',
  '1999-12-31T23:00:00Z', '2100-12-31T23:59:59.999Z', '2101-01-01T00:00:00Z', '2100-12-31T23:59:59-00:01', '2026-11-02T24:00Z', '2026-11-02T23:60Z',
  '2026-11-02T03:04:60Z', '2026-11-02T03:04+2400', '2026-11-02T03:04+0560', '2026-11-02T03:04+05', '2026-11-02T03:04:05+05:3', '2026-11-02T03:04-0930',
  '1762052645', '1762052645123', '1762052645.5', '1762052645.123456789', '946684800', '946684799', '99999999999', '100000000000',
  '4133980799999', '4133980800000', '0001762052645', '  2026-11-02T03:04:05Z  ', '\u00a02026-11-02\u3000', '\ufeff2026-11-02', 'yesterday',
  '2026-13-45T99:00:00Z', '', '   ', null, '+1762052645', '1762052645.', '１７６２０５２６４５', '2026-11-02T03:04:05.Z', '2026-11-02T03:04:05Zx',
  '2026-11-02T03', '2026-11-02X03:04', '2026-11-02T03:04:05z', '2026-1-02', '20261102', '2026-11-02T03:04:05.123+05:30', '2026-00-10',
  '2026-11-00', '2000-02-29T12:00:00Z', '2100-02-29T12:00:00Z', '12345678901234567', '1762052645e3',
];

const IPS = [
  '1.2.3.4', '01.2.3.4', '256.1.1.1', '1.2.3', '::', '::1', '1::', 'fe80::1%eth0', '1.2.3.4%eth0', '::ffff:1.2.3.4', '::ffff:01.2.3.4',
  '2001:db8::1', '2001:DB8:0:0:0:0:0:1', '1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8:9', '1::2::3', '12345::1', '1:2:3:4:5:6:7::', '::1:2:3:4:5:6:7',
  ':1:2:3:4:5:6:7', '1:2:3:4:5:6::1.2.3.4', '1:2:3:4:5:6:7:1.2.3.4', '1:2:3:4:5::1.2.3.4', 'not-an-ip', '999.1.1.1', ' 1.2.3.4 ', 'g::1',
  ':::', '%', '::%x', '1.2.3.4:80', '[::1]', '0:0:0:0:0:0:0:0', '0000:0000:0000:0000:0000:0000:0000:0001', '::ffff:0:0', '1:2:3:4:5:6:7:8%25x',
  '', '  ', null, '::1.2.3.4', '::1.2.3', '2001:db8:85a3::8a2e:370:7334', '255.255.255.255', '0.0.0.0', '1.2.3.04',
];

const COUNTS = ['0', '12', '-1', '1.5', '1e3', '123456789012345', '1234567890123456', ' 7 ', '', null, '٣', '+1', '007'];
const KEYS = ['', '  ', '\u3000k\u3000', '\u200bk', null, ' edge-key ', '\tedge-tab\n'];
const TEXTS = ['  padded  ', '\u2028line\u2029', '', '\u00a0', 'é', '日本語 ', null];

function base(i: number): Cells {
  return {
    timestamp: '2026-11-02T03:04:05.123Z', key_id: `edge-${i}`, account_id: 'acct', ip: '1.2.3.4', user_agent: 'ua', model: 'm', prompt: 'p',
    input_tokens: '1', output_tokens: '2',
  };
}

function build(): Cells[] {
  const rows: Cells[] = [];
  const add = (change: Partial<Cells>) => rows.push({ ...base(rows.length + 1), ...change });
  for (const timestamp of TIMESTAMPS) add({ timestamp });
  for (const ip of IPS) add({ ip });
  for (const n of COUNTS) add({ input_tokens: n }), add({ output_tokens: n });
  for (const key_id of KEYS) add({ key_id });
  for (const t of TEXTS) add({ account_id: t }), add({ user_agent: t }), add({ prompt: t });
  add({ timestamp: 'yesterday', ip: 'bad', input_tokens: '-1' }); // the first bad cell names the reason
  add({ timestamp: null, key_id: null });
  add({ key_id: null, ip: 'bad' });
  add({ timestamp: 'yesterday', key_id: null });
  rows.push(Object.fromEntries(EVENT_ROLES.map((r) => [r, null])) as Cells); // blank
  return rows;
}

export const EDGE_ROWS: readonly Cells[] = build();
