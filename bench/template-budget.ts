/**
 * How the total prompt budget (templates.maxPrompts) thins a generated log's
 * sample: keys left with a sampled prompt, overall and per planted group,
 * for the shipped ladder (prompts per key cut first, then a hash threshold)
 * and for a hash threshold alone. Usage:
 *   node --import tsx bench/template-budget.ts DIR [BUDGET,…]
 * where DIR holds events.jsonl and truth.json from `sybilscope generate`.
 */
import { readFileSync } from 'node:fs';
import { PromptSampler, promptRank } from '../src/templates/sampler.ts';

const dir = process.argv[2] ?? 'data/sample';
const budgets = (process.argv[3] ?? '20000,8000,4000,2000').split(',').map(Number);
const truth = JSON.parse(readFileSync(`${dir}/truth.json`, 'utf8')) as { groups: Array<{ name: string; keys: string[] }> };
const ids = new Map<string, number>();
const rows: Array<[number, string]> = [];
for (const line of readFileSync(`${dir}/events.jsonl`, 'utf8').split('\n')) {
  let e: { key_id?: unknown; prompt?: unknown };
  try {
    e = JSON.parse(line);
  } catch {
    continue;
  }
  if (typeof e.prompt !== 'string' || typeof e.key_id !== 'string') continue;
  let k = ids.get(e.key_id);
  if (k === undefined) ids.set(e.key_id, (k = ids.size));
  rows.push([k, e.prompt]);
}
const groups = truth.groups.map((g) => ({ name: g.name, keys: g.keys.map((x) => ids.get(x)).filter((x) => x !== undefined) }));
const sample = (max: number) => {
  const s = new PromptSampler(8, 1, max);
  for (const [k, p] of rows) s.add(k, p, 0);
  return s.samples();
};
const report = (name: string, s: Array<{ key: number }>) => {
  const covered = new Set(s.map((x) => x.key));
  const perGroup = groups.map((g) => `${g.name} ${g.keys.filter((k) => covered.has(k)).length}/${g.keys.length}`).join('  ');
  console.log(`${name.padEnd(24)} prompts ${String(s.length).padStart(8)}  keys ${covered.size}/${ids.size}  ${perGroup}`);
};
const all = sample(Infinity);
report('no budget', all);
for (const b of budgets) {
  report(`ladder ${b}`, sample(b));
  let kept = all;
  for (let j = 1; kept.length > b; j++) {
    const tau = Math.floor(2 ** 32 * 0.875 ** j);
    kept = all.filter((x) => promptRank(x.prompt, 1) < tau);
  }
  report(`threshold only ${b}`, kept);
}
