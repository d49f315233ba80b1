/**
 * A following week of the same population (`generate --week N`): the same
 * planned accounts and keys, changed a little per week after the first —
 * about 1% of ordinary keys retired and as many new ones issued on existing
 * ordinary accounts, and the distillation ring growing by ~10% new accounts
 * (signed up during the week, on the ring's cards, each with keys like its
 * template account's). Each week's changes draw from an rng of their own, so
 * week 1 is exactly what `generate` wrote before weeks existed.
 */
import { createRng, randInt, type Rng } from '../util/rng.ts';
import { mix32 } from '../util/hash.ts';
import { DAY_MS } from './context.ts';
import type { AccountPlan, KeyPlan, Population } from './types.ts';

const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';

function freshId(rng: Rng, prefix: string, taken: Set<string>): string {
  for (;;) {
    let s = prefix;
    for (let i = 0; i < (prefix === 'sk-' ? 12 : 10); i++) s += BASE36[randInt(rng, BASE36.length)];
    if (!taken.has(s)) {
      taken.add(s);
      return s;
    }
  }
}

/** The population of week `week` (1 = as planned); `start` is that week's first instant. */
export function populationForWeek(pop: Population, seed: number, week: number, start: number, days: number): Population {
  let keys = pop.keys;
  let accounts = pop.accounts;
  const taken = new Set<string>([...keys.map((k) => k.id), ...accounts.map((a) => a.id)]);
  for (let w = 2; w <= week; w++) {
    const rng = createRng(mix32(seed, 0x7765656b + w));
    const weekStart = start - (week - w) * days * DAY_MS;
    const ordinary = keys.filter((k) => k.group === 'ordinary');
    const churn = Math.max(2, Math.round(ordinary.length * 0.01));
    const retired = new Set<string>();
    while (retired.size < Math.min(churn, ordinary.length - 1)) retired.add(ordinary[randInt(rng, ordinary.length)]!.id);
    const added: KeyPlan[] = [];
    for (let i = 0; i < churn; i++) {
      const like = ordinary[randInt(rng, ordinary.length)]!;
      added.push({ ...like, id: freshId(rng, 'sk-', taken) });
    }
    const ring = accounts.filter((a) => a.group === 'distillation-ring');
    const newAccounts: AccountPlan[] = [];
    const ringKeys: KeyPlan[] = [];
    for (let i = 0; i < Math.max(2, Math.round(ring.length * 0.1)); i++) {
      const like = ring[randInt(rng, ring.length)]!;
      const account = { ...like, id: freshId(rng, 'acct_', taken), createdAt: weekStart + Math.floor(rng() * 2 * DAY_MS) };
      newAccounts.push(account);
      for (const k of keys) if (k.account === like.id) ringKeys.push({ ...k, id: freshId(rng, 'sk-', taken), account: account.id });
    }
    keys = keys.filter((k) => !retired.has(k.id)).concat(added, ringKeys);
    accounts = accounts.concat(newAccounts);
  }
  return { ...pop, keys, accounts };
}
