/**
 * Fixed colours of the view files: a sequential ramp for cluster risk
 * (ColorBrewer RdYlGn, reversed: green is low, red is high) and a categorical
 * palette for accounts (Tableau 20). Fixed, so a colour means the same thing in
 * every run.
 */
import { roundTo } from '../util/stats.ts';

export const RISK_RAMP = Object.freeze([
  { at: 0, color: '#1a9850' },
  { at: 0.25, color: '#91cf60' },
  { at: 0.5, color: '#fee08b' },
  { at: 0.75, color: '#fc8d59' },
  { at: 1, color: '#d73027' },
]);

/** Tableau 20, darker shade of each pair first. */
export const ACCOUNT_PALETTE = Object.freeze([
  '#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac',
  '#a0cbe8', '#ffbe7d', '#8cd17d', '#b6992d', '#f1ce63', '#86bcb6', '#ff9d9a', '#79706e', '#d37295', '#fabfd2',
]);
/** Accounts past the palette share this grey. */
export const OTHER_ACCOUNT_COLOR = '#8c8c8c';
/** Keys with no account. */
export const NO_ACCOUNT_COLOR = '#d0d0d0';

const channels = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const hex2 = (n: number) => Math.round(n).toString(16).padStart(2, '0');

/** Colour of a risk in [0, 1] on RISK_RAMP, interpolated per RGB channel. */
export function riskColor(risk: number): string {
  const r = Math.min(1, Math.max(0, risk));
  let i = 0;
  while (i < RISK_RAMP.length - 2 && r > RISK_RAMP[i + 1].at) i++;
  const a = RISK_RAMP[i];
  const b = RISK_RAMP[i + 1];
  const t = roundTo((r - a.at) / (b.at - a.at), 6);
  const ca = channels(a.color);
  const cb = channels(b.color);
  return '#' + ca.map((c, k) => hex2(c + (cb[k] - c) * t)).join('');
}

/** Colour of the account at position `rank` of a cluster's legend (0 = most keys). */
export function accountColor(rank: number): string {
  return rank < ACCOUNT_PALETTE.length ? ACCOUNT_PALETTE[rank] : OTHER_ACCOUNT_COLOR;
}
