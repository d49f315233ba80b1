/**
 * The attribution part of a cluster's report (build --actors, src/attribute):
 * the actor, its confidence and evidence, each matched indicator with where
 * it matched and how rare it is, how far labels propagated over the
 * cluster's links, and other candidate actors; and, with build --previous,
 * how the cluster continues the previous run's.
 */
import { fmtInt, fmtPct } from '../util/format.ts';
import { html, type SafeHtml } from './html.ts';
import { md, mdTable } from './markdown.ts';
import { truncate } from './cluster-report.ts';
import type { ClusterReport } from './schema.ts';

type Attribution = NonNullable<ClusterReport['attribution']>;

const matched = (i: Attribution['indicators'][number]) =>
  `${fmtInt(i.matched_in.key_count)} key${i.matched_in.key_count === 1 ? '' : 's'}, ${fmtInt(i.matched_in.account_count)} account${i.matched_in.account_count === 1 ? '' : 's'}`;

export function changeText(c: NonNullable<ClusterReport['change']>): string {
  return c.status === 'new'
    ? 'New since the previous run.'
    : `Continues ${c.previous ?? 'a cluster'} of the previous run (Jaccard ${c.jaccard.toFixed(2)}; ${fmtInt(c.added)} keys added, ${fmtInt(c.removed)} removed).`;
}

export function attributionHtml(r: ClusterReport, val: (text: string | null, max?: number) => SafeHtml): SafeHtml {
  const a = r.attribution;
  const candidates = r.candidates ?? [];
  if (!a && candidates.length === 0) return html``;
  const head = a
    ? html`<p>Attributed to <b>${val(a.actor, 200)}</b> with confidence <span class="risk">${a.confidence.toFixed(2)}</span> (evidence ${a.evidence.toFixed(2)} × share of keys reached ${fmtPct(a.propagated.share)}).</p>
${a.description ? html`<p>${val(a.description, 1000)}</p>` : ''}
<table><thead><tr><th>indicator</th><th>value</th><th>matched in the cluster</th><th class="n">accounts holding it</th><th class="n">specificity</th><th class="n">weight</th></tr></thead><tbody>
${a.indicators.map((i) => html`<tr><td>${i.type}</td><td>${val(i.value, 120)}</td><td>${matched(i)}${i.matched_in.keys.length > 0 ? html`<br><span class="small muted">${i.matched_in.keys.map((k, j) => html`${j > 0 ? ', ' : ''}${val(k, 40)}`)}</span>` : ''}</td><td class="n">${fmtInt(i.accounts_holding)}${i.hub ? ' (hub)' : ''}</td><td class="n">${i.specificity.toFixed(2)}</td><td class="n">${i.weight.toFixed(2)}</td></tr>`)}
</tbody></table>
<p class="small">${val(a.propagated.text, 600)}</p>`
    : html`<p class="muted">No actor reaches the attribution threshold.</p>`;
  const others = candidates.filter((c) => c.actor !== a?.actor);
  return html`<section><h2>Attribution</h2>${head}
${others.length > 0 ? html`<h3>Other candidates</h3><table><thead><tr><th>actor</th><th class="n">confidence</th><th class="n">evidence</th><th class="n">indicators</th></tr></thead><tbody>${others.map((c) => html`<tr><td>${val(c.actor, 200)}</td><td class="n">${c.confidence.toFixed(2)}</td><td class="n">${c.evidence.toFixed(2)}</td><td class="n">${fmtInt(c.indicators)}</td></tr>`)}</tbody></table>` : ''}
</section>`;
}

export function attributionMarkdown(r: ClusterReport): string[] {
  const a = r.attribution;
  const candidates = (r.candidates ?? []).filter((c) => c.actor !== a?.actor);
  if (!a && candidates.length === 0) return [];
  const out = ['## Attribution', ''];
  const v = (text: string, max: number) => md(truncate(text, max));
  if (a) {
    out.push(`Attributed to **${v(a.actor, 200)}** with confidence ${a.confidence.toFixed(2)} (evidence ${a.evidence.toFixed(2)} × share of keys reached ${fmtPct(a.propagated.share)}).`, '');
    if (a.description) out.push(v(a.description, 1000), '');
    out.push(
      mdTable(
        ['indicator', 'value', 'matched in the cluster', 'accounts holding it', 'specificity', 'weight'],
        a.indicators.map((i) => [md(i.type), v(i.value, 120), md(matched(i)), `${fmtInt(i.accounts_holding)}${i.hub ? ' (hub)' : ''}`, i.specificity.toFixed(2), i.weight.toFixed(2)]),
        ['l', 'l', 'l', 'r', 'r', 'r'],
      ),
      '',
      v(a.propagated.text, 600),
      '',
    );
  }
  if (candidates.length > 0)
    out.push('Other candidates:', '', mdTable(['actor', 'confidence', 'evidence', 'indicators'], candidates.map((c) => [v(c.actor, 200), c.confidence.toFixed(2), c.evidence.toFixed(2), fmtInt(c.indicators)]), ['l', 'r', 'r', 'r']), '');
  return out;
}
