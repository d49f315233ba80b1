/**
 * Assemble one cluster's report (the JSON document; HTML, Markdown and CSV
 * are rendered from it) from clusters.json, the cluster's view file, the
 * template examples and the manifest.
 */
import type { ClusterFile } from '../layout/schema.ts';
import type { Cluster } from '../output/schemas.ts';
import { compareStrings } from '../util/compare.ts';
import type { KeyHours } from './account-timeline.ts';
import { valueKey } from './scan-edges.ts';
import { REPORT_VERSION, SHARED_KINDS, type ClusterReport, type ManifestFooter, type SharedKind, type SharedValue } from './schema.ts';

/** Evidence type (edges.jsonl) of each kind of shared infrastructure. */
export const SHARED_TYPE: Record<SharedKind, string> = {
  ips: 'ip',
  prefixes: 'prefix',
  payments: 'payment',
  email_domains: 'email_domain',
  user_agents: 'user_agent',
  signup_ips: 'signup_ip',
};

export const DEFAULTS = Object.freeze({
  /** Strongest links listed with their evidence. */
  maxLinks: 25,
  /** Example fillings per template, and their length in characters. */
  maxExamples: 3,
  exampleChars: 160,
  /** Above this many hourly buckets the timeline is drawn per day. */
  maxHourlyBuckets: 240,
  /** Accounts with a series of their own in a timeline stacked by account; the rest are "other". */
  timelineAccounts: 8,
});

export interface ReportInputs {
  cluster: Cluster;
  view: ClusterFile;
  examples: Map<string, string[]>;
  inputAccounts: Map<string, number>;
  footer: ManifestFooter;
  /** Requests per hour per key (`--by-account`), or null. */
  keyHours: KeyHours | null;
}

const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : 0);
const time = (x: unknown) => (typeof x === 'string' ? x : null);

export function truncate(text: string, chars: number): string {
  const cps = Array.from(text);
  return cps.length <= chars ? text : cps.slice(0, chars - 1).join('') + '…';
}

export function clusterReport(inputs: ReportInputs): ClusterReport {
  const { cluster, view, footer } = inputs;
  const f = cluster.features;
  const accountOf = new Map(view.accounts.map((a) => [a.id, a]));
  const members = view.nodes.map((n) => {
    const account = n.account === null ? undefined : accountOf.get(n.account);
    return {
      key: n.id,
      account: n.account,
      account_created_at: account?.created_at ?? null,
      email_domain: account?.email_domain ?? null,
      requests: n.requests,
      input_tokens: n.input_tokens,
      output_tokens: n.output_tokens,
      first_seen: n.first_seen,
      last_seen: n.last_seen,
      active_hours: n.active_hours,
      ip_count: n.ip_count,
      top_ip: n.top_ips[0]?.value ?? null,
      top_user_agent: n.top_user_agents[0]?.value ?? null,
    };
  });
  const shared = Object.fromEntries(
    SHARED_KINDS.map((kind) => [kind, view.shared[kind].map((v) => sharedValue(v, inputs.inputAccounts.get(valueKey(SHARED_TYPE[kind], v.value))))]),
  ) as ClusterReport['shared'];
  const templates = view.templates.map((t) => ({
    ...t,
    examples: (inputs.examples.get(t.id) ?? []).slice(0, DEFAULTS.maxExamples).map((e) => truncate(e, DEFAULTS.exampleChars)),
  }));
  const links = view.edges.slice(0, DEFAULTS.maxLinks).map((e) => ({ source: e.source, target: e.target, weight: e.weight, evidence: e.evidence as ClusterReport['links'][number]['evidence'] }));
  const scores = Object.fromEntries(Object.entries((f.scores ?? {}) as Record<string, unknown>).filter(([, v]) => typeof v === 'number')) as Record<string, number>;
  return {
    version: REPORT_VERSION,
    id: cluster.id,
    rank: cluster.rank,
    risk: cluster.risk,
    reasons: cluster.reasons,
    summary: {
      keys: cluster.size,
      accounts: cluster.accounts.length,
      keys_without_account: num(f.keys_without_account),
      requests: num(f.requests),
      input_tokens: num(f.input_tokens),
      output_tokens: num(f.output_tokens),
      first_seen: time(f.first_seen),
      last_seen: time(f.last_seen),
    },
    scores,
    members,
    accounts: view.accounts.map(({ color: _color, ...a }) => a),
    shared,
    templates,
    timeline: inputs.keyHours === null ? timeline(view.timeline) : byAccount(timeline(view.timeline), view, inputs.keyHours),
    links,
    links_total: view.edge_stats.total,
    ...(cluster.attribution ? { attribution: cluster.attribution } : {}),
    ...(cluster.candidates && cluster.candidates.length > 0 ? { candidates: cluster.candidates } : {}),
    ...(cluster.change ? { change: cluster.change } : {}),
    manifest: footer,
  };
}

function sharedValue(v: { value: string; keys: number; accounts: number; requests: number }, inputAccounts: number | undefined): SharedValue {
  const known = inputAccounts !== undefined && inputAccounts > 0;
  return {
    ...v,
    input_accounts: known ? inputAccounts : null,
    cluster_share: known ? Math.min(1, Math.round((v.accounts / inputAccounts) * 1e4) / 1e4) : null,
  };
}

/** Hourly buckets as they are, or per UTC day when there are too many to draw. */
export function timeline(t: ClusterFile['timeline']): ClusterReport['timeline'] {
  if (t.start === null || t.bucket_hours !== 1 || t.requests.length <= DEFAULTS.maxHourlyBuckets) return { ...t };
  const startMs = Date.parse(t.start);
  const offset = new Date(startMs).getUTCHours();
  const days = Math.ceil((offset + t.requests.length) / 24);
  const requests = new Array<number>(days).fill(0);
  const keys = new Array<number>(days).fill(0);
  for (let i = 0; i < t.requests.length; i++) {
    const d = Math.floor((offset + i) / 24);
    requests[d] += t.requests[i];
    keys[d] = Math.max(keys[d], t.keys[i]);
  }
  return { start: new Date(startMs - offset * 3_600_000).toISOString(), bucket_hours: 24, requests, keys };
}

/** The timeline with its requests split by account (the busiest `timelineAccounts`, then the rest). */
export function byAccount(t: ClusterReport['timeline'], view: ClusterFile, keyHours: KeyHours): ClusterReport['timeline'] {
  if (t.start === null) return t;
  const startHour = Date.parse(t.start) / 3_600_000;
  const n = t.requests.length;
  const series = new Map<string | null, number[]>();
  for (const node of view.nodes) {
    const hours = keyHours.get(node.id);
    if (!hours) continue;
    let s = series.get(node.account);
    if (!s) series.set(node.account, (s = new Array<number>(n).fill(0)));
    for (const [hour, count] of hours) {
      const b = Math.floor((hour - startHour) / t.bucket_hours);
      if (b >= 0 && b < n) s[b] += count;
    }
  }
  const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const ranked = [...series].map(([account, requests]) => ({ account, requests, sum: total(requests) }));
  ranked.sort((a, b) => b.sum - a.sum || compareStrings(a.account ?? '', b.account ?? ''));
  const colorOf = new Map(view.accounts.map((a) => [a.id, a.color]));
  const shown = ranked.slice(0, DEFAULTS.timelineAccounts);
  const rest = ranked.slice(DEFAULTS.timelineAccounts);
  const other = rest.length === 0 ? null : { accounts: rest.length, requests: Array.from({ length: n }, (_, b) => rest.reduce((a, r) => a + r.requests[b], 0)) };
  return {
    ...t,
    by_account: { accounts: shown.map((r) => ({ account: r.account, color: colorOf.get(r.account) ?? '#9aa3b2', requests: r.requests })), other },
  };
}
