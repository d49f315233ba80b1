/**
 * How much one matched indicator says, and how the indicators of one actor in
 * one cluster add up.
 *
 * weight = strength(type) × confidence (from the actors file) × specificity,
 * where specificity = max(share of the accounts holding the value that are in
 * the cluster, rarity), rarity being linking's 1/(a − 1)^0.5 for a value held
 * by a accounts (1 when a ≤ 2). A card or key held only inside the cluster
 * has specificity 1; a card of a ring that Louvain cut in two still counts
 * 1/(a − 1)^0.5 in the smaller part (0.3 for a card of 12 accounts); a VPN
 * exit or a common user agent held by 300 accounts of which 3 are in the
 * cluster has 0.06, so a hub value is weak evidence wherever it matches.
 *
 * evidence = 1 − Π(1 − weight): noisy-OR, growing with the number and the
 * weight of the matched indicators, never past 1.
 * confidence = evidence × share, share being the mean propagated label over
 * the cluster's keys (propagate.ts): the part of the cluster the evidence
 * touches directly or through firm links.
 */
import type { IndicatorType } from './schema.ts';

/**
 * How strongly a value of each type identifies its holder, before rarity.
 * Keys, accounts and cards are issued to one party; a request IP may be a
 * proxy or a NAT; a range or a domain covers many; a user agent or a
 * framing can be copied by anyone.
 */
export const TYPE_STRENGTH: Readonly<Record<IndicatorType, number>> = Object.freeze({
  key_id: 0.9,
  account_id: 0.9,
  payment_fingerprint: 0.8,
  ip: 0.5,
  cidr: 0.35,
  email_domain: 0.5,
  template: 0.5,
  user_agent: 0.3,
  asn: 0,
});

export function indicatorWeight(type: IndicatorType, confidence: number, specificity: number): number {
  return TYPE_STRENGTH[type] * confidence * specificity;
}

/** Noisy-OR of the weights. */
export function combineEvidence(weights: readonly number[]): number {
  let miss = 1;
  for (const w of weights) miss *= 1 - Math.min(1, Math.max(0, w));
  return 1 - miss;
}
