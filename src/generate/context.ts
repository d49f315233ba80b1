/**
 * Shared state while the population is planned: the rng, id factory, profile
 * registry, address space and the growing lists of accounts and keys.
 */
import { pick, randInt, type Rng } from '../util/rng.ts';
import type { ProfileRegistry } from './activity.ts';
import type { IdFactory } from './ids.ts';
import type { World } from './network.ts';
import type { AccountPlan, KeyPlan } from './types.ts';
import { DOMAIN_PARTS, DOMAIN_SUFFIXES, TLDS, ZONES } from './vocab.ts';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export interface PlanContext {
  rng: Rng;
  ids: IdFactory;
  profiles: ProfileRegistry;
  world: World;
  /** Start of the event window, ms since the epoch. */
  start: number;
  accounts: AccountPlan[];
  keys: KeyPlan[];
  /** Home IPs of ordinary customers whose traffic really uses them. */
  homeIps: string[];
  /** Business email domains already handed out, so groups never share one by accident. */
  domains: Set<string>;
}

/** A business domain not used before, e.g. `cedarworks.io`; `make` may shape it. */
export function newDomain(ctx: PlanContext, make?: (part: string) => string): string {
  // The plain pattern has ~209k names: a population of a million accounts would use them all
  // up, so after a run of collisions a name takes a longer number. Small populations never get
  // there, so their draws (and files) are the same as before.
  for (let attempt = 0; ; attempt++) {
    const plain = attempt < MAX_PLAIN_ATTEMPTS;
    const part = pick(ctx.rng, DOMAIN_PARTS);
    const number = () => (plain ? rngDigits(ctx.rng) : String(randInt(ctx.rng, 10_000_000)));
    const d = make
      ? make(plain ? part : `${part}${number()}`)
      : `${part}${pick(ctx.rng, DOMAIN_SUFFIXES)}${number()}.${pick(ctx.rng, TLDS)}`;
    if (!ctx.domains.has(d)) {
      ctx.domains.add(d);
      return d;
    }
  }
}

const MAX_PLAIN_ATTEMPTS = 24;

function rngDigits(rng: Rng): string {
  return rng() < 0.5 ? '' : String(randInt(rng, 100));
}

/** A time zone drawn by population weight. */
export function pickZone(rng: Rng): (typeof ZONES)[number] {
  let total = 0;
  for (const z of ZONES) total += z.weight;
  let u = rng() * total;
  for (const z of ZONES) {
    u -= z.weight;
    if (u < 0) return z;
  }
  return ZONES[ZONES.length - 1]!;
}

/** Scales the `expected` of `keys` so they sum to `budget` events. */
export function spreadBudget(keys: KeyPlan[], budget: number): void {
  let sum = 0;
  for (const k of keys) sum += k.expected;
  for (const k of keys) k.expected = sum > 0 ? (k.expected * budget) / sum : 0;
}

/** A Pareto-distributed volume weight (heavy tail), capped. */
export function powerLaw(rng: Rng, alpha = 1.3, cap = 300): number {
  return Math.min(cap, Math.pow(1 - rng(), -1 / alpha));
}

/** `n` distinct items of `items` (fewer if it is shorter). */
export function sample<T>(rng: Rng, items: readonly T[], n: number): T[] {
  const copy = items.slice();
  const out: T[] = [];
  for (let i = 0; i < n && copy.length > 0; i++) {
    const j = randInt(rng, copy.length);
    out.push(copy[j]!);
    copy[j] = copy[copy.length - 1]!;
    copy.pop();
  }
  return out;
}
