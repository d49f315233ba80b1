/**
 * Cluster features: plain counts and measures an analyst can check against
 * the data. Scores and reasons are derived from these in risk.ts.
 */
import { ownerOf, type Dataset } from '../aggregate/index.ts';
import type { Config } from '../config/schema.ts';
import { valuesOf, type ValueTable } from '../link/index.ts';
import { estimatedRequests, type KeyTemplates } from '../prompts/index.ts';
import { median, roundTo } from '../util/stats.ts';

export interface ClusterFeatures {
  keys: number;
  accounts: number;
  keys_without_account: number;
  requests: number;
  input_tokens: number;
  output_tokens: number;
  first_seen: string | null;
  last_seen: string | null;
  payment_methods: number;
  shared_payment_methods: number;
  accounts_on_shared_payment: number;
  accounts_on_shared_payment_differing_identity: number;
  email_domains: number;
  freemail_accounts: number;
  freemail_share: number;
  accounts_with_created_at: number;
  /** Shortest window holding 80% of the accounts' creation times, in hours. */
  creation_span_hours: number | null;
  creation_burst_accounts: number;
  ips: number;
  median_ips_per_key: number;
  ips_used_by_3plus_accounts: number;
  output_tokens_per_key: number;
  volume_ratio: number;
  /** Normalised entropy of requests over the 24 hours of the day (1 = flat). */
  hour_entropy: number;
  active_hours_of_day: number;
  /** Share of requests in hours when at least `sync_threshold` accounts were active together. */
  sync_share: number;
  sync_threshold: number;
  /** Estimated share of requests under reasoning-elicitation templates. */
  reasoning_share: number;
  /** Estimated share of requests under the cluster's top 3 templates. */
  template_share: number;
  top_templates: Array<{ id: string; text: string; share: number; reasoning: boolean }>;
}

export interface ScoreContext {
  data: Dataset;
  tables: Map<string, ValueTable>;
  config: Config;
  /** Median output tokens per key over all keys of the input. */
  medianOutputTokens: number;
  templates: KeyTemplates | null;
}

const HOUR_MS = 3_600_000;
const round = (x: number, d = 4) => roundTo(x, d);

export function computeFeatures(members: number[], ctx: ScoreContext): ClusterFeatures {
  const { data, config } = ctx;
  const keys = members.map((i) => data.keys[i]);
  const accountIdx = [...new Set(members.map((i) => data.keyAccount[i]).filter((a) => a >= 0))].sort((a, b) => a - b);
  const accounts = accountIdx.map((a) => data.accounts[a]);
  const owner = (i: number) => ownerOf(data, i);
  const owners = new Set(members.map(owner)).size;

  // Payment methods reused across accounts of the cluster.
  const cardAccounts = new Map<string, number[]>();
  for (const a of accountIdx) {
    for (const p of data.accounts[a].payments) {
      const holders = cardAccounts.get(p);
      if (holders) holders.push(a);
      else cardAccounts.set(p, [a]);
    }
  }
  const onShared = new Set<number>();
  const differing = new Set<number>();
  let sharedCards = 0;
  for (const holders of cardAccounts.values()) {
    if (holders.length < 2) continue;
    sharedCards++;
    holders.forEach((a) => onShared.add(a));
    const domains = new Set(holders.map((a) => data.accounts[a].emailDomain ?? ''));
    const signups = new Set(holders.map((a) => [...data.accounts[a].signupIps].sort().join(',')));
    if (domains.size > 1 || signups.size > 1) holders.forEach((a) => differing.add(a));
  }

  const freemail = new Set(config.freemailDomains);
  const domains = new Set(accounts.map((a) => a.emailDomain).filter((d): d is string => d !== null));
  const freemailAccounts = accounts.filter((a) => a.emailDomain !== null && freemail.has(a.emailDomain)).length;

  const created = accounts.map((a) => a.createdAt).filter((t): t is number => t !== null).sort((a, b) => a - b);
  const span = creationSpan(created);
  const burstAccounts = countWithin(created, config.risk.burstHours * HOUR_MS);

  const ipTable = ctx.tables.get('ip')!;
  const ipOwners = new Map<number, Set<number>>();
  for (const i of members) for (const v of valuesOf(ipTable, i)) {
    let s = ipOwners.get(v);
    if (!s) ipOwners.set(v, (s = new Set()));
    s.add(owner(i));
  }
  const allIps = new Set<number>();
  for (const k of keys) for (const ip of k.ips.keys()) allIps.add(ip);
  let ips3 = 0;
  for (const s of ipOwners.values()) if (s.size >= 3) ips3++;

  const hourOfDay = new Float64Array(24);
  const hourly = new Map<number, Set<number>>();
  const hourlyRequests = new Map<number, number>();
  let requests = 0;
  let inputTokens = 0;
  let outputTokens = 0;
  let first = Infinity;
  let last = -Infinity;
  members.forEach((i) => {
    const k = data.keys[i];
    requests += k.requests;
    inputTokens += k.inputTokens;
    outputTokens += k.outputTokens;
    first = Math.min(first, k.first);
    last = Math.max(last, k.last);
    const hours = k.hourly; // a getter that builds the key's counts: read once
    for (const [hour, n] of hours) {
      hourOfDay[((hour % 24) + 24) % 24] += n;
      let s = hourly.get(hour);
      if (!s) hourly.set(hour, (s = new Set()));
      s.add(owner(i));
      hourlyRequests.set(hour, (hourlyRequests.get(hour) ?? 0) + n);
    }
  });
  const syncThreshold = Math.max(3, Math.ceil(owners / 2));
  let syncRequests = 0;
  for (const [hour, s] of hourly) if (s.size >= syncThreshold) syncRequests += hourlyRequests.get(hour)!;

  const perKey = outputTokens / members.length;
  const t = templateFeatures(members, ctx, requests);
  return {
    keys: members.length,
    accounts: accounts.length,
    keys_without_account: members.filter((i) => data.keyAccount[i] < 0).length,
    requests,
    input_tokens: inputTokens,
    output_tokens: outputTokens,
    first_seen: Number.isFinite(first) ? new Date(first).toISOString() : null,
    last_seen: Number.isFinite(last) ? new Date(last).toISOString() : null,
    payment_methods: cardAccounts.size,
    shared_payment_methods: sharedCards,
    accounts_on_shared_payment: onShared.size,
    accounts_on_shared_payment_differing_identity: differing.size,
    email_domains: domains.size,
    freemail_accounts: freemailAccounts,
    freemail_share: accounts.length ? round(freemailAccounts / accounts.length) : 0,
    accounts_with_created_at: created.length,
    creation_span_hours: span === null ? null : round(span / HOUR_MS, 1),
    creation_burst_accounts: burstAccounts,
    ips: allIps.size,
    median_ips_per_key: median(keys.map((k) => k.ips.size)),
    ips_used_by_3plus_accounts: ips3,
    output_tokens_per_key: Math.round(perKey),
    volume_ratio: round(ctx.medianOutputTokens > 0 ? perKey / ctx.medianOutputTokens : 0, 2),
    hour_entropy: round(entropy(hourOfDay)),
    active_hours_of_day: hourOfDay.filter((x) => x > 0).length,
    sync_share: requests ? round(syncRequests / requests) : 0,
    sync_threshold: syncThreshold,
    ...t,
  };
}

const TEMPLATE_TEXT_CHARS = 80;

/** Estimated template use of the cluster's requests. */
function templateFeatures(members: number[], ctx: ScoreContext, requests: number) {
  const kt = ctx.templates;
  if (kt === null || requests === 0) return { reasoning_share: 0, template_share: 0, top_templates: [] };
  const byTemplate = new Map<number, number>();
  for (const key of members)
    for (const t of kt.perKey[key].keys()) byTemplate.set(t, (byTemplate.get(t) ?? 0) + estimatedRequests(kt, ctx.data, key, t));
  let reasoning = 0;
  for (const [t, n] of byTemplate) if (kt.templates[t].reasoning) reasoning += n;
  const top = [...byTemplate].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 3);
  const share = (n: number) => round(Math.min(1, n / requests));
  return {
    reasoning_share: share(reasoning),
    template_share: share(top.reduce((a, [, n]) => a + n, 0)),
    top_templates: top.map(([t, n]) => {
      const { id, text, reasoning: flagged } = kt.templates[t];
      return { id, text: text.length > TEMPLATE_TEXT_CHARS ? text.slice(0, TEMPLATE_TEXT_CHARS - 1) + '…' : text, share: share(n), reasoning: flagged };
    }),
  };
}

/** Shortest window holding 80% (at least 2) of the sorted times. */
function creationSpan(sorted: number[]): number | null {
  if (sorted.length < 2) return null;
  const m = Math.max(2, Math.ceil(sorted.length * 0.8));
  let best = Infinity;
  for (let i = 0; i + m - 1 < sorted.length; i++) best = Math.min(best, sorted[i + m - 1] - sorted[i]);
  return best;
}

/** Most sorted times that fit in one window of `width`. */
function countWithin(sorted: number[], width: number): number {
  let best = 0;
  for (let i = 0, j = 0; j < sorted.length; j++) {
    while (sorted[j] - sorted[i] > width) i++;
    best = Math.max(best, j - i + 1);
  }
  return best;
}

function entropy(counts: Float64Array): number {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return 0;
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / total) * Math.log(c / total);
  return h / Math.log(counts.length);
}
