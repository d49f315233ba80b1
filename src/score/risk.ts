/**
 * Risk: each feature becomes a score in [0, 1] by a documented ramp, and the
 * risk is their weighted mean (weights from the config). Every score that
 * matters comes with a sentence an analyst can check against the features.
 */
import type { Config, RiskFeature } from '../config/schema.ts';
import { fmtCompact, fmtInt, fmtPct, plural } from '../util/format.ts';
import { roundTo } from '../util/stats.ts';
import type { ClusterFeatures } from './features.ts';

const clamp = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : Number.isFinite(x) ? x : 0);
const logRamp = (x: number, full: number) => (x <= 1 ? 0 : clamp(Math.log(x) / Math.log(full)));
const DAY_H = 24;

interface Scorer {
  score(f: ClusterFeatures, config: Config): number;
  reason(f: ClusterFeatures): string;
}

/** Score ramps, one per feature. `full` is where a score reaches 1. */
export const SCORERS: Record<RiskFeature, Scorer> = {
  accounts: {
    score: (f) => logRamp(f.accounts, 30),
    reason: (f) => `${plural(f.keys, 'key')} across ${plural(f.accounts, 'account')}`,
  },
  payment_reuse: {
    score: (f) => (f.accounts >= 2 ? clamp(f.accounts_on_shared_payment_differing_identity / f.accounts) : 0),
    reason: (f) =>
      `${fmtInt(f.accounts_on_shared_payment)} accounts share ${plural(f.shared_payment_methods, 'payment method')}` +
      `; ${fmtInt(f.accounts_on_shared_payment_differing_identity)} of them differ in email domain or signup IP`,
  },
  freemail: {
    score: (f) => (f.accounts >= 2 ? f.freemail_share : 0),
    reason: (f) =>
      `${fmtInt(f.freemail_accounts)} of ${fmtInt(f.accounts)} accounts (${fmtPct(f.freemail_share)}) use free-mail, across ${plural(f.email_domains, 'email domain')}`,
  },
  creation_burst: {
    score: (f, c) => {
      if (f.creation_span_hours === null || f.accounts_with_created_at < 3) return 0;
      // 1 within the burst window, falling to 0 at 30 days (on a log scale).
      const h = Math.max(f.creation_span_hours, c.risk.burstHours);
      return clamp(1 - Math.log(h / c.risk.burstHours) / Math.log((30 * DAY_H) / c.risk.burstHours));
    },
    reason: (f) =>
      `${fmtInt(Math.ceil(f.accounts_with_created_at * 0.8))} of ${fmtInt(f.accounts_with_created_at)} accounts created within ${fmtInt(Math.max(1, f.creation_span_hours ?? 0))} hours`,
  },
  ip_churn: {
    score: (f) => logRamp(f.median_ips_per_key, 30),
    reason: (f) => `the median key used ${plural(f.median_ips_per_key, 'distinct IP')} (${plural(f.ips, 'IP')} in all)`,
  },
  shared_ips: {
    score: (f) => logRamp(f.ips_used_by_3plus_accounts + 1, 100),
    reason: (f) => `${plural(f.ips_used_by_3plus_accounts, 'IP')} each used by 3+ accounts of this cluster`,
  },
  volume: {
    score: (f) => logRamp(f.volume_ratio, 100),
    reason: (f) => `${fmtCompact(f.output_tokens)} output tokens, ${fmtCompact(f.volume_ratio)}× the median key's output per key`,
  },
  flat_hours: {
    score: (f) => clamp((f.hour_entropy - 0.8) / 0.17),
    reason: (f) =>
      f.active_hours_of_day === 24
        ? `traffic flat across all 24 hours (hour-of-day entropy ${f.hour_entropy.toFixed(2)})`
        : `traffic in ${f.active_hours_of_day} of 24 hours of the day (entropy ${f.hour_entropy.toFixed(2)})`,
  },
  reasoning: {
    score: (f) => f.reasoning_share,
    reason: (f) => {
      const t = f.top_templates.find((x) => x.reasoning);
      return `${fmtPct(f.reasoning_share)} of requests ask the model to write out its reasoning` + (t ? ` (template ${t.id}: "${t.text}")` : '');
    },
  },
  template_concentration: {
    // Coordination, not one person's habit: only across accounts. Half the traffic on 3 templates starts to count.
    score: (f) => (f.accounts >= 2 ? clamp((f.template_share - 0.3) / 0.6) : 0),
    reason: (f) => `${fmtPct(f.template_share)} of requests follow ${plural(f.top_templates.length, 'template')} (${f.top_templates.map((t) => t.id).join(', ')})`,
  },
  sync_bursts: {
    score: (f) => (f.accounts >= 3 ? f.sync_share : 0),
    reason: (f) => `${fmtPct(f.sync_share)} of requests fall in hours when ${fmtInt(f.sync_threshold)}+ accounts were active together`,
  },
};

export interface RiskResult {
  risk: number;
  scores: Record<RiskFeature, number>;
  reasons: string[];
}

/** Scores below this are not worth a reason (unless nothing scores higher). */
const REASON_FLOOR = 0.25;

export function scoreRisk(f: ClusterFeatures, config: Config): RiskResult {
  const weights = config.risk.weights;
  const names = Object.keys(SCORERS) as RiskFeature[];
  const scores = {} as Record<RiskFeature, number>;
  let total = 0;
  let weightSum = 0;
  for (const name of names) {
    const s = roundTo(SCORERS[name].score(f, config), 4);
    scores[name] = s;
    total += weights[name] * s;
    weightSum += weights[name];
  }
  const ranked = names
    .filter((n) => weights[n] > 0)
    .sort((a, b) => weights[b] * scores[b] - weights[a] * scores[a] || (a < b ? -1 : 1));
  const chosen = ranked.filter((n) => scores[n] >= REASON_FLOOR);
  const reasons = (chosen.length ? chosen : ranked.slice(0, 1)).map((n) => SCORERS[n].reason(f));
  return { risk: weightSum ? roundTo(total / weightSum, 4) : 0, scores, reasons };
}
