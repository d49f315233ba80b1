import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, sizesFor } from '../../src/generate/index.ts';
import { readGenerated, type Generated, type ValidEvent } from './read-output.ts';

const root = mkdtempSync(join(tmpdir(), 'sybilscope-pop-'));
let g: Generated;
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeAll(async () => {
  await generate({ out: root });
  g = readGenerated(root);
});

const HOUR = 3_600_000;
const group = (name: string) => g.truth.groups.find((x) => x.name === name)!;
const eventsOf = (name: string): ValidEvent[] => {
  const keys = new Set(group(name).keys);
  return g.events.filter((e) => keys.has(e.key));
};
/** accounts.csv rows (valid ones) of a group's accounts. */
const rowsOf = (name: string) => {
  const ids = new Set(group(name).accounts);
  return g.rows.slice(1).filter((r) => r.length === 6 && ids.has(r[0]!) && r[3] !== 'not-a-date' && r[4] !== '999.1.1.1');
};
const createdMs = (s: string) => (/^\d+$/.test(s) ? Number(s) * 1000 : Date.parse(s));
const hourHistogram = (events: ValidEvent[]) => {
  const h = new Array<number>(24).fill(0);
  for (const e of events) h[new Date(e.ms).getUTCHours()]!++;
  return h;
};

describe('population sizes', () => {
  it('keeps planted groups meaningful at the default size', () => {
    const s = sizesFor(20_000);
    expect(s.ringAccounts).toBeGreaterThanOrEqual(25);
    expect(group('distillation-ring').accounts.length).toBe(s.ringAccounts);
    expect(group('ordinary').accounts.length).toBe(s.ordinaryAccounts);
    expect(group('reseller').accounts.length).toBe(1);
    expect(group('reseller').keys.length).toBe(s.resellerKeys);
  });
});

describe('distillation ring', () => {
  it('was created in a burst of at most 48 hours', () => {
    const t = rowsOf('distillation-ring').map((r) => createdMs(r[3]!));
    expect(Math.max(...t) - Math.min(...t)).toBeLessThanOrEqual(48 * HOUR);
  });

  it('shares a handful of cards across its accounts', () => {
    const byCard = new Map<string, Set<string>>();
    for (const r of rowsOf('distillation-ring')) byCard.set(r[1]!, (byCard.get(r[1]!) ?? new Set()).add(r[0]!));
    expect(byCard.size).toBeLessThanOrEqual(group('distillation-ring').accounts.length / 5);
    for (const accounts of byCard.values()) expect(accounts.size).toBeGreaterThanOrEqual(2);
  });

  it('rotates through a proxy pool that overlaps ordinary customers’ IPs', () => {
    const ring = eventsOf('distillation-ring');
    const ringIps = new Set(ring.map((e) => e.ip));
    expect(ringIps.size).toBeGreaterThan(ring.length / 5);
    const ordinaryIps = new Set(eventsOf('ordinary').map((e) => e.ip));
    const shared = [...ringIps].filter((ip) => ordinaryIps.has(ip)).length;
    expect(shared).toBeGreaterThan(20);
  });

  it('runs flat across the 24 hours of the day, with high output', () => {
    const ring = eventsOf('distillation-ring');
    const h = hourHistogram(ring);
    const mean = ring.length / 24;
    expect(Math.min(...h)).toBeGreaterThan(0.5 * mean);
    expect(Math.max(...h)).toBeLessThan(1.6 * mean);
    const avg = (es: ValidEvent[]) => es.reduce((s, e) => s + e.output, 0) / es.length;
    expect(avg(ring)).toBeGreaterThan(5 * avg(eventsOf('ordinary')));
  });
});

describe('covert ring', () => {
  it('is connected through a chain of shared cards', () => {
    const rows = rowsOf('covert-ring');
    const parent = new Map<string, string>();
    const find = (x: string): string => (parent.get(x) ?? x) === x ? x : find(parent.get(x)!);
    for (const r of rows) parent.set(find(r[0]!), find(r[1]!));
    expect(new Set(group('covert-ring').accounts.map(find)).size).toBe(1);
    expect(new Set(rows.map((r) => r[1])).size).toBe(3);
  });

  it('shares no IP, signup IP or /24 across its accounts, except hubs that ordinary customers share too', () => {
    const prefix = (ip: string) => (ip.includes(':') ? ip.split(':').slice(0, 3).join(':') : ip.split('.').slice(0, 3).join('.'));
    const accountsBy = (events: ValidEvent[], f: (ip: string) => string) => {
      const m = new Map<string, Set<string>>();
      for (const e of events) m.set(f(e.ip), (m.get(f(e.ip)) ?? new Set()).add(e.account ?? e.key));
      return m;
    };
    const ordinary = eventsOf('ordinary');
    for (const f of [(ip: string) => ip, prefix]) {
      const covert = accountsBy(eventsOf('covert-ring'), f);
      const strangers = accountsBy(ordinary, f);
      for (const [value, accounts] of covert) {
        if (accounts.size > 1) expect(strangers.get(value)?.size ?? 0, value).toBeGreaterThanOrEqual(5);
      }
    }
    const signups = rowsOf('covert-ring').map((r) => [r[0]!, r[4]!] as const);
    const byPrefix = new Map<string, Set<string>>();
    for (const [account, ip] of signups) byPrefix.set(prefix(ip), (byPrefix.get(prefix(ip)) ?? new Set()).add(account));
    for (const accounts of byPrefix.values()) expect(accounts.size).toBe(1);
  });

  it('sends one distinctive fake-review template', () => {
    const ev = eventsOf('covert-ring');
    for (const e of ev) expect(e.prompt).toMatch(/^Write an authentic[- ]sounding 5-star customer review of the /);
  });
});

describe('benign look-alikes', () => {
  it('corporate tenant: one domain, one card', () => {
    const rows = rowsOf('corporate-tenant');
    expect(new Set(rows.map((r) => r[1])).size).toBe(1);
    expect(new Set(rows.map((r) => r[2]!.toLowerCase().replace(/^@/, ''))).size).toBe(1);
  });

  it('eval lab: templated benchmark prompts from one /24', () => {
    const ev = eventsOf('eval-lab');
    for (const e of ev) expect(e.prompt).toMatch(/^Question: [\s\S]*Answer with the letter of the correct option\.$/);
    expect(new Set(ev.map((e) => e.ip.split('.').slice(0, 3).join('.'))).size).toBe(1);
  });
});
