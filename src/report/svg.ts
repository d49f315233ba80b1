/**
 * Inline SVG charts for the HTML report: the activity timeline (requests per
 * bucket as bars, distinct active keys as a line) and the risk breakdown
 * (one bar per feature score). Built with `html`, so every label is escaped;
 * no script, no external reference, and they print as vectors.
 */
import { fmtInt } from '../util/format.ts';
import { truncate } from './cluster-report.ts';
import { html, type SafeHtml } from './html.ts';
import type { ClusterReport } from './schema.ts';

/** Colour of the "other accounts" segment. */
export const OTHER_COLOR = '#c7ccd6';

const r1 = (x: number) => Math.round(x * 10) / 10;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const hour = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

export function timelineSvg(t: ClusterReport['timeline']): SafeHtml {
  if (t.start === null || t.requests.length === 0) return html`<p class="muted">No timed request.</p>`;
  const W = 720;
  const H = 170;
  const left = 44;
  const right = 36;
  const top = 10;
  const bottom = 28;
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const n = t.requests.length;
  const maxReq = Math.max(1, ...t.requests);
  const maxKeys = Math.max(1, ...t.keys);
  const bw = plotW / n;
  const w = r1(Math.max(bw - 0.5, 0.5));
  const stacks = t.by_account ? [...t.by_account.accounts.map((a) => ({ color: a.color, requests: a.requests })), ...(t.by_account.other ? [{ color: OTHER_COLOR, requests: t.by_account.other.requests }] : [])] : null;
  const bars = t.requests.map((v, i) => {
    if (v === 0) return '';
    if (stacks === null) {
      const h = (v / maxReq) * plotH;
      return html`<rect x="${r1(left + i * bw)}" y="${r1(top + plotH - h)}" width="${w}" height="${r1(h)}"/>`;
    }
    // One segment per account, bottom up, in legend order.
    let base = 0;
    return stacks.map((s) => {
      const n = s.requests[i];
      if (n === 0) return '';
      const y0 = top + plotH - ((base + n) / maxReq) * plotH;
      const h = (n / maxReq) * plotH;
      base += n;
      return html`<rect x="${r1(left + i * bw)}" y="${r1(y0)}" width="${w}" height="${r1(h)}" fill="${s.color}"/>`;
    });
  });
  const points = t.keys.map((v, i) => `${r1(left + (i + 0.5) * bw)},${r1(top + plotH - (v / maxKeys) * plotH)}`).join(' ');
  const startMs = Date.parse(t.start);
  const endMs = startMs + n * t.bucket_hours * 3_600_000;
  const label = t.bucket_hours >= 24 ? day : hour;
  const unit = t.bucket_hours === 1 ? 'hour' : t.bucket_hours === 24 ? 'day' : `${t.bucket_hours} hours`;
  return html`<figure class="chart">
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="${`Requests per ${unit}, and distinct keys active`}">
<g class="axis"><line x1="${left}" y1="${top + plotH}" x2="${W - right}" y2="${top + plotH}"/><line x1="${left}" y1="${top}" x2="${left}" y2="${top + plotH}"/></g>
<g class="bars">${bars}</g>
<polyline class="keys" points="${points}"/>
<g class="labels">
<text x="${left - 4}" y="${top + 8}" text-anchor="end">${fmtInt(maxReq)}</text>
<text x="${left - 4}" y="${top + plotH}" text-anchor="end">0</text>
<text x="${W - right + 4}" y="${top + 8}" class="k">${fmtInt(maxKeys)}</text>
<text x="${left}" y="${H - 8}">${label(startMs)}</text>
<text x="${W - right}" y="${H - 8}" text-anchor="end">${label(endMs)}</text>
</g>
</svg>
<figcaption>Bars: requests per ${unit} (left axis, UTC)${stacks ? ', stacked by account' : ''}. Line: distinct keys active per ${unit}${t.bucket_hours >= 24 ? ' (busiest hour)' : ''} (right axis).</figcaption>
${legend(t)}
</figure>`;
}

export function scoresSvg(scores: Record<string, number>): SafeHtml {
  const entries = Object.entries(scores).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (entries.length === 0) return html``;
  const W = 720;
  const row = 18;
  const labelW = 170;
  const barW = W - labelW - 50;
  const H = entries.length * row + 4;
  const rows = entries.map(([name, s], i) => {
    const y = i * row + 2;
    const v = Math.max(0, Math.min(1, s));
    return html`<text x="${labelW - 6}" y="${y + 12}" text-anchor="end">${name.replace(/_/g, ' ')}</text><rect class="track" x="${labelW}" y="${y + 3}" width="${barW}" height="11"/><rect x="${labelW}" y="${y + 3}" width="${r1(v * barW)}" height="11"/><text x="${labelW + barW + 6}" y="${y + 12}">${v.toFixed(2)}</text>`;
  });
  return html`<figure class="chart scores"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="Risk features, each scored 0 to 1">${rows}</svg><figcaption>Risk features, each scored from 0 to 1.</figcaption></figure>`;
}

function legend(t: ClusterReport['timeline']): SafeHtml {
  if (!t.by_account) return html``;
  const item = (color: string, label: SafeHtml | string, n: number) =>
    html`<li><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" viewBox="0 0 10 10"><rect width="10" height="10" fill="${color}"/></svg> ${label} <span class="muted">(${fmtInt(n)})</span></li>`;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return html`<ul class="legend small">${t.by_account.accounts.map((a) =>
    item(a.color, a.account === null ? '(no account)' : html`<bdi>${truncate(a.account, 40)}</bdi>`, sum(a.requests)),
  )}${t.by_account.other ? item(OTHER_COLOR, `${t.by_account.other.accounts} other accounts`, sum(t.by_account.other.requests)) : ''}</ul>`;
}
