/**
 * The planned population: accounts and keys with everything the event
 * emitter needs. Memory is bounded by keys and accounts, never by events.
 */

export const GROUP_NAMES = [
  'ordinary',
  'distillation-ring',
  'covert-ring',
  'corporate-tenant',
  'reseller',
  'eval-lab',
] as const;
export type GroupName = (typeof GROUP_NAMES)[number];

/** How a key's prompts, models and token counts are drawn. */
export type PromptStyle = 'ordinary' | 'ring' | 'covert' | 'lab';

export interface AccountPlan {
  id: string;
  group: GroupName;
  /** One accounts.csv row per card. */
  cards: string[];
  emailDomain: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  signupIp: string;
  country: string;
}

export interface KeyPlan {
  id: string;
  account: string;
  group: GroupName;
  /** Index into `Population.profiles`. */
  profile: number;
  /** Expected number of events over the whole window. */
  expected: number;
  userAgent: string;
  /** The key's own addresses, used uniformly when the alternate pool is not drawn. */
  ips: string[];
  /** A pool drawn from with probability `altShare` (VPN exits, mobile, proxy pool). */
  altPool: readonly string[] | null;
  altShare: number;
  prompt: PromptStyle;
  /** Probability that an event omits `account_id`. */
  omitAccount: number;
  /** A hostile string planted in this key's prompts, if any. */
  hostilePrompt?: string;
}

/** When a key is active: a weight per hour and an optional shared burst window inside each hour. */
export interface Profile {
  /** One weight per hour of the window; sums to 1. */
  weights: Float64Array;
  /** Share of events that fall inside the burst window of the hour (0: spread uniformly). */
  burstShare: number;
  burstMinutes: number;
}

export interface GroupInfo {
  name: GroupName;
  kind: 'malicious' | 'benign' | 'ordinary';
  description: string;
}

export interface Population {
  accounts: AccountPlan[];
  keys: KeyPlan[];
  profiles: Profile[];
  groups: GroupInfo[];
}
