/**
 * Plans the whole population for a target number of events: group sizes
 * scale with the target (ordinary customers almost linearly, planted groups
 * sub-linearly so they stay meaningful at 20k events), then each group's
 * event budget is spread over its keys.
 */
import { createRng } from '../util/rng.ts';
import { mix32 } from '../util/hash.ts';
import { ProfileRegistry } from './activity.ts';
import { spreadBudget, type PlanContext } from './context.ts';
import { IdFactory } from './ids.ts';
import { buildWorld } from './network.ts';
import { planOrdinary, plantHostile } from './ordinary.ts';
import { planCovertRing, planDistillationRing } from './malicious.ts';
import { planCorporate, planEvalLab, planReseller } from './benign.ts';
import type { GroupInfo, GroupName, Population } from './types.ts';

/** Share of the event budget per group. */
export const EVENT_SHARES: Readonly<Record<GroupName, number>> = Object.freeze({
  ordinary: 0.55,
  'distillation-ring': 0.25,
  'covert-ring': 0.05,
  'corporate-tenant': 0.06,
  reseller: 0.06,
  'eval-lab': 0.03,
});

export interface Sizes {
  ordinaryAccounts: number;
  ringAccounts: number;
  covertAccounts: number;
  corporateAccounts: number;
  resellerKeys: number;
  labAccounts: number;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(x)));

/** Group sizes for a target event count (20k events is scale 1). */
export function sizesFor(events: number): Sizes {
  const s = events / 20_000;
  return {
    ordinaryAccounts: Math.max(60, Math.round(800 * Math.pow(s, 0.85))),
    ringAccounts: Math.max(25, Math.round(70 * Math.sqrt(s))),
    covertAccounts: clamp(8 * Math.pow(s, 0.25), 6, 40),
    corporateAccounts: clamp(15 * Math.pow(s, 0.25), 8, 80),
    resellerKeys: Math.max(30, Math.round(100 * Math.sqrt(s))),
    labAccounts: clamp(6 * Math.pow(s, 0.2), 4, 20),
  };
}

/**
 * The population for a target event count. With `keys`, the ordinary
 * customers are rescaled (one trial plan, then the plan) so that the whole
 * population has about that many keys: the events then spread thinner or
 * thicker over them, as in a provider with many small customers.
 */
export function planPopulation(seed: number, events: number, days: number, start: number, keys?: number): Population {
  const sizes = sizesFor(events);
  if (keys === undefined) return planWith(seed, events, days, start, sizes);
  const trial = planWith(seed, events, days, start, sizes);
  const ordinary = trial.keys.filter((k) => k.group === 'ordinary').length;
  const others = trial.keys.length - ordinary;
  const scale = Math.max(1, keys - others) / Math.max(1, ordinary);
  return planWith(seed, events, days, start, { ...sizes, ordinaryAccounts: Math.max(60, Math.round(sizes.ordinaryAccounts * scale)) });
}

function planWith(seed: number, events: number, days: number, start: number, sizes: Sizes): Population {
  const rng = createRng(mix32(seed, 0x706f70));
  const ctx: PlanContext = {
    rng,
    ids: new IdFactory(rng),
    profiles: new ProfileRegistry(days, rng),
    world: buildWorld(rng, sizes.ordinaryAccounts, Math.round(sizes.ordinaryAccounts * 0.2)),
    start,
    accounts: [],
    keys: [],
    homeIps: [],
    domains: new Set(),
  };
  const plans = {
    ordinary: () => planOrdinary(ctx, sizes.ordinaryAccounts),
    'distillation-ring': () => planDistillationRing(ctx, sizes.ringAccounts),
    'covert-ring': () => planCovertRing(ctx, sizes.covertAccounts),
    'corporate-tenant': () => planCorporate(ctx, sizes.corporateAccounts),
    reseller: () => planReseller(ctx, sizes.resellerKeys),
    'eval-lab': () => planEvalLab(ctx, sizes.labAccounts),
  };
  const groups: GroupInfo[] = [];
  // Ordinary first: the ring's proxy pool borrows ordinary home IPs.
  for (const name of Object.keys(plans) as GroupName[]) {
    const from = ctx.keys.length;
    const stats = plans[name]();
    spreadBudget(ctx.keys.slice(from), events * EVENT_SHARES[name]);
    groups.push({ name, ...describe(name, stats as unknown as Record<string, number | string>, days) });
  }
  plantHostile(ctx.keys);
  return { accounts: ctx.accounts, keys: ctx.keys, profiles: ctx.profiles.profiles, groups };
}

function describe(name: GroupName, s: Record<string, number | string>, days: number): Omit<GroupInfo, 'name'> {
  const base = `${s.accounts} accounts, ${s.keys} keys`;
  switch (name) {
    case 'ordinary':
      return {
        kind: 'ordinary',
        description: `${base}: ordinary customers with own cards, free-mail or small business domains, home IPs in shared residential /24s (${s.cloud} behind cloud NAT hubs, ${s.vpn} on VPN exit hubs, some on mobile), common SDK user agents, popular prompt frames, local business/evening hours; a few carry hostile-but-valid strings in prompts or user agents`,
      };
    case 'distillation-ring':
      return {
        kind: 'malicious',
        description: `${base}: accounts created in a 48 h burst from ${new Date(s.burstStart as number).toISOString()}, ${s.cards} shared virtual cards, signups and requests through a rotating residential proxy pool of ${s.pool} IPs (${s.poolFromHomes} are also ordinary customers' home IPs), five reasoning-elicitation prompt templates (English and Chinese, paraphrased framings, fillings before, inside or after the framing, some multi-line), flat 24-hour traffic in synchronised waves over ${days} days, high output volume, two ring-only user agents`,
      };
    case 'covert-ring':
      return {
        kind: 'malicious',
        description: `${base}: accounts created over 3 weeks, 3 cards shared in a chain connecting all accounts, mixed free-mail and business domains, each account on its own residential home IP in its own ISP /24 (${s.mobile} also on mobile carrier NAT, ${s.vpn} on VPN exit hubs shared with ordinary customers), sessions during business hours, one distinctive fake-review prompt template with paraphrased framings, common SDK user agents`,
      };
    default:
      return {
        kind: 'benign',
        description: `${base}: ${
          name === 'corporate-tenant'
            ? `a company tenant (${s.detail}), weekday business hours, varied prompts`
            : name === 'reseller'
              ? `a reseller (${s.detail}) whose keys each serve a few IPs of its own customers worldwide, 24-hour traffic, varied prompts`
              : `a university eval lab (${s.detail}), own card per account, business hours, multiple-choice benchmark prompts`
        }`,
      };
  }
}
