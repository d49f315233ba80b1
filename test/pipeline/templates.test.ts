/**
 * Templates through the whole build: a covert ring that shares only a prompt
 * template and two cards is found as one cluster; a popular frame used by many
 * unrelated customers links nobody; reasoning elicitation is flagged; and the
 * privacy option leaves no filling in any output file.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng, pick, randInt } from '../../src/util/rng.ts';
import { runCli } from '../helpers/cli.ts';

const WORDS = 'river stone maple copper lantern violet harbor meadow falcon quartz ember willow summit cedar orbit prism velvet canyon glacier thistle'.split(' ');
const rng = createRng(42);
const words = (n: number) => Array.from({ length: n }, () => pick(rng, WORDS)).join(' ');
const fillings: string[] = [];
const fill = (n: number) => {
  const f = `${words(n)} ${randInt(rng, 1e6)}`;
  fillings.push(f);
  return f;
};

const T0 = Date.UTC(2026, 10, 2);
const events: string[] = [];
const accounts = ['account_id,payment_fingerprint,email_domain,created_at,signup_ip,country'];
const event = (key: string, account: string, ip: string, prompt: string, i: number) =>
  events.push(JSON.stringify({ timestamp: new Date(T0 + i * 3_600_000).toISOString(), key_id: key, account_id: account, ip, prompt, output_tokens: 800 }));

// The covert ring: 6 accounts on their own IPs; cards A (accounts 0–2) and B (3–5); one review template.
for (let a = 0; a < 6; a++) {
  accounts.push(`covert${a},${a < 3 ? 'pm_A' : 'pm_B'},mail${a}.example,2026-09-0${a + 1},10.${a}.0.1,US`);
  for (let k = 0; k < 2; k++)
    for (let i = 0; i < 10; i++)
      event(`covert${a}-k${k}`, `covert${a}`, `10.${a}.${k}.${i}`, `Write an authentic-sounding five-star customer review of the ${fill(3)}. Think step by step and explain your reasoning before you write it. Mention ${fill(4)} and keep it under fifty words.`, i * 7 + a);
}
// 60 unrelated customers, each on its own IP and card, using a popular frame or free text.
for (let c = 0; c < 60; c++) {
  accounts.push(`cust${c},pm_c${c},biz${c}.example,2025-0${(c % 9) + 1}-01,172.16.${c}.1,FR`);
  for (let i = 0; i < 8; i++)
    event(`cust${c}-k0`, `cust${c}`, `172.16.${c}.1`, i % 2 ? `Summarize the following text: ${fill(30)}` : fill(25), i * 5 + c);
}
events.splice(10, 0, '{"timestamp": "bad", "key_id": "x", "prompt": "SECRET-FILLING-IN-A-BAD-ROW"}');
fillings.push('SECRET-FILLING-IN-A-BAD-ROW');

const dir = mkdtempSync(join(tmpdir(), 'sybilscope-templates-'));
writeFileSync(join(dir, 'events.jsonl'), events.join('\n') + '\n');
writeFileSync(join(dir, 'accounts.csv'), accounts.join('\n') + '\n');

async function build(out: string, ...flags: string[]) {
  const r = await runCli(['build', '--events', join(dir, 'events.jsonl'), '--accounts', join(dir, 'accounts.csv'), '--out', out, '--quiet', ...flags]);
  expect(r.code, r.stderr).toBe(0);
  const read = (name: string) => JSON.parse(readFileSync(join(out, name), 'utf8'));
  return { clusters: read('clusters.json').clusters, templates: read('templates.json') };
}

describe('templates in the build', () => {
  let result: Awaited<ReturnType<typeof build>>;
  beforeAll(async () => {
    result = await build(join(dir, 'out'));
  });

  it('recovers a ring that shares only a template and two cards as one cluster', () => {
    const ring = result.clusters.filter((c: { members: string[] }) => c.members.some((m) => m.startsWith('covert')));
    expect(ring).toHaveLength(1);
    expect(ring[0].members).toEqual(Array.from({ length: 6 }, (_, a) => [`covert${a}-k0`, `covert${a}-k1`]).flat().sort());
    expect(ring[0].evidence.template).toHaveLength(1);
    expect(ring[0].features.reasoning_share).toBeGreaterThan(0.9);
    expect(ring[0].reasons.join('\n')).toMatch(/of requests ask the model to write out its reasoning \(template t_[0-9a-f]{12}/);
  });

  it('mines the popular frame but lets it link nobody', () => {
    const popular = result.templates.templates.find((t: { text: string }) => t.text.startsWith('summarize the following text:'));
    expect(popular).toMatchObject({ hub: true, reasoning: false, keys: 60, accounts: 60 });
    expect(result.clusters.flatMap((c: { members: string[] }) => c.members).filter((m: string) => m.startsWith('cust'))).toEqual([]);
    const review = result.templates.templates.find((t: { text: string }) => t.text.includes('customer review'));
    expect(review).toMatchObject({ hub: false, reasoning: true, keys: 12, accounts: 6 });
    expect(review.text).toMatch(/^write an authentic-sounding five-star customer review of the <\*>/);
    expect(review.examples.length).toBeGreaterThan(0);
  });

  it('keeps no filling in any output file with --privacy', async () => {
    const out = join(dir, 'private');
    const { templates } = await build(out, '--privacy');
    expect(templates.privacy).toBe(true);
    expect(templates.templates.every((t: object) => !('examples' in t))).toBe(true);
    // Every file, in sub-folders too (view/, view/clusters/).
    const files = readdirSync(out, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => join(d.parentPath, d.name).slice(out.length + 1));
    expect(files).toContain('rejected.jsonl');
    expect(files).toContain(join('view', 'overview.json'));
    expect(files.filter((f) => f.startsWith(join('view', 'clusters'))).length).toBeGreaterThan(0);
    for (const file of files) {
      const text = readFileSync(join(out, file), 'utf8');
      for (const f of fillings) expect(text.includes(f), `${file} holds a filling`).toBe(false);
    }
    expect(readFileSync(join(out, 'rejected.jsonl'), 'utf8')).toMatch(/"raw_sha256":"[0-9a-f]{64}"/);
  });
});
