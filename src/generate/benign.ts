/**
 * Benign look-alikes: groups that share strong evidence for innocent reasons.
 * A corporate tenant (one domain, one card, one office NAT), a reseller (one
 * account, many keys used by its own customers worldwide) and a university
 * eval lab (one /24, templated benchmark prompts).
 */
import { pick, randInt } from '../util/rng.ts';
import { DAY_MS, newDomain, powerLaw, type PlanContext } from './context.ts';
import { distinctHosts, residentialIp } from './network.ts';
import { COMMON_UAS } from './vocab.ts';

export interface BenignStats {
  accounts: number;
  keys: number;
  detail: string;
}

export function planCorporate(ctx: PlanContext, n: number): BenignStats {
  const { rng } = ctx;
  const domain = newDomain(ctx, (p) => `${p}-${pick(rng, ['logistics', 'insurance', 'pharma', 'retail', 'capital'])}.com`);
  const card = ctx.ids.card();
  const prefix = `${pick(rng, [38, 63, 64, 96, 199, 204, 208, 216])}.${randInt(rng, 256)}.${randInt(rng, 256)}`;
  const [nat, ...others] = distinctHosts(prefix, 6, rng) as [string, ...string[]];
  const profile = ctx.profiles.get('office', -5);
  const tool = `${domain.split('-')[0]}-assistant/2.3.1`;
  let keys = 0;
  for (let i = 0; i < n; i++) {
    const id = ctx.ids.account();
    ctx.accounts.push({
      id,
      group: 'corporate-tenant',
      cards: [card],
      emailDomain: domain,
      createdAt: ctx.start - Math.floor((5 + rng() * 360) * DAY_MS),
      signupIp: nat,
      country: 'US',
    });
    const nKeys = 1 + randInt(rng, 2);
    for (let k = 0; k < nKeys; k++) {
      ctx.keys.push({
        id: ctx.ids.key(),
        account: id,
        group: 'corporate-tenant',
        profile,
        expected: powerLaw(rng, 2, 20),
        userAgent: rng() < 0.5 ? tool : pick(rng, COMMON_UAS),
        ips: [nat],
        altPool: others,
        altShare: 0.15,
        prompt: 'ordinary',
        omitAccount: 0,
      });
      keys++;
    }
  }
  return { accounts: n, keys, detail: `domain ${domain}, one card, office NAT ${nat} in ${prefix}.0/24` };
}

export function planReseller(ctx: PlanContext, nKeys: number): BenignStats {
  const { rng } = ctx;
  const id = ctx.ids.account();
  const domain = newDomain(ctx, (p) => `${p}relay.ai`);
  const cloudIp = () => `${pick(rng, [3, 18, 44, 104, 143, 159])}.${randInt(rng, 256)}.${randInt(rng, 256)}.${2 + randInt(rng, 252)}`;
  ctx.accounts.push({
    id,
    group: 'reseller',
    cards: [ctx.ids.card()],
    emailDomain: domain,
    createdAt: ctx.start - Math.floor((60 + rng() * 300) * DAY_MS),
    signupIp: cloudIp(),
    country: 'NL',
  });
  const profile = ctx.profiles.get('global', 0);
  for (let k = 0; k < nKeys; k++) {
    // Each key serves one of the reseller's customers, from that customer's own few IPs.
    const ips = Array.from({ length: 2 + randInt(rng, 3) }, () => (rng() < 0.6 ? residentialIp(rng, 0.2) : cloudIp()));
    ctx.keys.push({
      id: ctx.ids.key(),
      account: id,
      group: 'reseller',
      profile,
      expected: powerLaw(rng, 1.8, 30),
      userAgent: pick(rng, COMMON_UAS),
      ips,
      altPool: null,
      altShare: 0,
      prompt: 'ordinary',
      omitAccount: 0,
    });
  }
  return { accounts: 1, keys: nKeys, detail: `one account on ${domain}` };
}

export function planEvalLab(ctx: PlanContext, n: number): BenignStats {
  const { rng } = ctx;
  const domain = newDomain(ctx, (p) => `cs.${p}-university.edu`);
  const prefix = `${pick(rng, [128, 129, 130, 131, 134, 141, 147])}.${randInt(rng, 256)}.${randInt(rng, 256)}`;
  const labIps = distinctHosts(prefix, 5, rng);
  const profile = ctx.profiles.get('business', 1);
  let keys = 0;
  for (let i = 0; i < n; i++) {
    const id = ctx.ids.account();
    const ips = [labIps[i % labIps.length]!, pick(rng, labIps)];
    ctx.accounts.push({
      id,
      group: 'eval-lab',
      cards: [ctx.ids.card()],
      emailDomain: domain,
      createdAt: ctx.start - Math.floor((20 + rng() * 220) * DAY_MS),
      signupIp: ips[0]!,
      country: 'DE',
    });
    const nKeys = 1 + randInt(rng, 2);
    for (let k = 0; k < nKeys; k++) {
      ctx.keys.push({
        id: ctx.ids.key(),
        account: id,
        group: 'eval-lab',
        profile,
        expected: 0.6 + rng(),
        userAgent: pick(rng, ['python-requests/2.32.3', 'OpenAI/Python 1.54.0']),
        ips,
        altPool: null,
        altShare: 0,
        prompt: 'lab',
        omitAccount: 0,
      });
      keys++;
    }
  }
  return { accounts: n, keys, detail: `domain ${domain}, lab ${prefix}.0/24` };
}
