import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../src/generate/index.ts';
import { HOSTILE } from '../../src/generate/vocab.ts';
import { readGenerated, type Generated } from './read-output.ts';

const root = mkdtempSync(join(tmpdir(), 'sybilscope-gen-'));
const dir = (name: string) => join(root, name);
const FILES = ['events.jsonl', 'accounts.csv', 'truth.json'];
let result: Awaited<ReturnType<typeof generate>>;
let g: Generated;

beforeAll(async () => {
  result = await generate({ out: dir('a'), seed: 3 });
  await generate({ out: dir('b'), seed: 3 });
  await generate({ out: dir('c'), seed: 4 });
  await generate({ out: dir('gz'), seed: 3, gzip: true });
  g = readGenerated(dir('a'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('generate: files', () => {
  it('is byte-identical for the same options', () => {
    for (const f of FILES) expect(readFileSync(join(dir('b'), f)).equals(readFileSync(join(dir('a'), f))), f).toBe(true);
  });

  it('differs for another seed', () => {
    for (const f of FILES) expect(readFileSync(join(dir('c'), f)).equals(readFileSync(join(dir('a'), f))), f).toBe(false);
  });

  it('gzip writes a valid gzip of the same events', () => {
    expect(result.files.events.endsWith('events.jsonl')).toBe(true);
    const gz = readFileSync(join(dir('gz'), 'events.jsonl.gz'));
    expect(gz.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    expect(gunzipSync(gz).equals(readFileSync(join(dir('a'), 'events.jsonl')))).toBe(true);
  });

  it('rejects bad options with a UserError', async () => {
    await expect(generate({ out: dir('x'), events: 10 })).rejects.toMatchObject({ code: 'E_GENERATE_OPTIONS' });
    await expect(generate({ out: dir('x'), nope: 1 } as never)).rejects.toMatchObject({ code: 'E_GENERATE_OPTIONS' });
  });
});

describe('generate: counts', () => {
  it('writes about the requested number of valid events and reports them', () => {
    expect(g.events.length).toBe(result.events);
    expect(result.events).toBeGreaterThan(18_000);
    expect(result.events).toBeLessThan(22_000);
  });

  it('truth groups are disjoint, sorted, and cover exactly the keys in the events', () => {
    const names = g.truth.groups.map((x) => x.name);
    expect(names).toEqual(['corporate-tenant', 'covert-ring', 'distillation-ring', 'eval-lab', 'ordinary', 'reseller']);
    const all = g.truth.groups.flatMap((x) => x.keys);
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(result.keys);
    for (const x of g.truth.groups) expect(x.keys).toEqual([...x.keys].sort());
    expect(new Set(g.events.map((e) => e.key))).toEqual(new Set(all));
    const accounts = g.truth.groups.flatMap((x) => x.accounts);
    expect(new Set(accounts).size).toBe(result.accounts);
  });

  it('mixes in malformed lines at about malformedRate, and some blank lines', () => {
    expect(g.invalid).toBe(result.malformed);
    const rate = g.invalid / g.events.length;
    expect(rate).toBeGreaterThan(0.006);
    expect(rate).toBeLessThan(0.014);
    expect(g.blank).toBeGreaterThan(0);
  });

  it('mixes timestamp formats, IPv6, missing account ids and hostile strings', () => {
    const text = readFileSync(join(dir('a'), 'events.jsonl'), 'utf8');
    expect(text).toMatch(/"timestamp":1\d{9},/);
    expect(text).toMatch(/"timestamp":1\d{12},/);
    expect(g.events.some((e) => e.ip.includes(':'))).toBe(true);
    const missing = g.events.filter((e) => e.account === undefined).length / g.events.length;
    expect(missing).toBeGreaterThan(0.003);
    expect(missing).toBeLessThan(0.03);
    for (const h of Object.values(HOSTILE)) expect(g.events.some((e) => e.prompt.includes(h) || e.ua.includes(h)), h).toBe(true);
    // Ordinary prompts stay short; planted reasoning prompts may carry long multi-line fillings.
    const ordinary = new Set(g.truth.groups.find((x) => x.name === 'ordinary')!.keys);
    for (const e of g.events) expect(e.prompt.length).toBeLessThanOrEqual(ordinary.has(e.key) ? 440 : 2000);
  });
});

describe('generate: malformedRate 0', () => {
  it('writes a clean log and a clean accounts.csv', async () => {
    const r = await generate({ out: dir('clean'), seed: 3, events: 2000, days: 30, malformedRate: 0 });
    const clean = readGenerated(dir('clean'));
    expect(clean.invalid + clean.blank + r.malformed).toBe(0);
    expect(clean.events.length).toBe(r.events);
    expect(clean.rows.every((row) => row.length === 6 && row[0] !== '')).toBe(true);
    const last = Math.max(...clean.events.map((e) => e.ms));
    expect(last).toBeGreaterThan(Date.UTC(2026, 10, 2) + 25 * 86_400_000);
    expect(last).toBeLessThan(Date.UTC(2026, 10, 2) + 30 * 86_400_000);
  });
});

describe('generate: accounts.csv', () => {
  it('parses, with one row per payment method for every planted account', () => {
    const [header, ...rows] = g.rows;
    expect(header).toEqual(['account_id', 'payment_fingerprint', 'email_domain', 'created_at', 'signup_ip', 'country']);
    const good = rows.filter((r) => r.length === 6 && r[0] !== '');
    const ids = new Set(good.map((r) => r[0]));
    expect(ids).toEqual(new Set(g.truth.groups.flatMap((x) => x.accounts)));
    expect(good.length).toBeGreaterThan(ids.size); // some accounts have two cards
    expect(rows.some((r) => r[5] === 'Korea, Republic of')).toBe(true);
    expect(rows.some((r) => r[5] === HOSTILE.formula)).toBe(true);
    expect(rows.length - good.length).toBeGreaterThan(0); // a few malformed rows
  });
});
