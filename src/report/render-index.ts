/** OUT/reports/index.html: the selected clusters by rank, with risk, size, top reasons and links to each document. */
import type { Cluster } from '../output/schemas.ts';
import { fmtInt } from '../util/format.ts';
import { html } from './html.ts';
import { footer, page, val } from './render-html.ts';
import type { ManifestFooter } from './schema.ts';
import { risk2 } from './text.ts';

export interface IndexFormats {
  html: boolean;
  md: boolean;
  json: boolean;
  csv: boolean;
  stix: boolean;
  pdf: boolean;
  gexf: boolean;
  graphml: boolean;
}

/** Reasons shown per cluster in the index. */
export const INDEX_REASONS = 3;

export function renderIndexHtml(clusters: Cluster[], total: number, formats: IndexFormats, m: ManifestFooter): string {
  const docs = (id: string) => [
    formats.html ? html`<a href="${id}.html">HTML</a>` : '',
    formats.pdf ? html` <a href="${id}.pdf">PDF</a>` : '',
    formats.md ? html` <a href="${id}.md">MD</a>` : '',
    formats.json ? html` <a href="${id}.json">JSON</a>` : '',
    formats.csv ? html` <a href="${id}-members.csv">CSV</a>` : '',
    formats.stix ? html` <a href="${id}.stix.json">STIX</a>` : '',
  ];
  const attributed = clusters.some((c) => c.attribution);
  const actor = (c: Cluster) => (c.attribution ? html`${val(c.attribution.actor, 80)} <span class="muted">(${c.attribution.confidence.toFixed(2)})</span>` : html`<span class="muted">—</span>`);
  const rows = clusters.map(
    (c) => html`<tr><td class="n">${c.rank}</td><td class="mono">${formats.html ? html`<a href="${c.id}.html">${c.id}</a>` : c.id}${c.change?.status === 'new' ? html` <span class="small" title="new since the previous run">new</span>` : ''}</td><td class="n"><span class="risk">${risk2(c.risk)}</span></td><td class="n">${fmtInt(c.size)}</td><td class="n">${fmtInt(c.accounts.length)}</td><td class="n">${fmtInt(Number(c.features.requests ?? 0))}</td>${attributed ? html`<td>${actor(c)}</td>` : ''}<td><ul>${c.reasons.slice(0, INDEX_REASONS).map((r) => html`<li>${val(r, 200)}</li>`)}</ul></td><td class="small">${docs(c.id)}</td></tr>`,
  );
  const exports = [formats.gexf ? html`<a href="graph.gexf">GEXF</a>` : '', formats.graphml ? html` <a href="graph.graphml">GraphML</a>` : ''];
  const body = html`<header><h1>sybilscope · clusters by risk</h1>
<p class="muted">${fmtInt(clusters.length)} of ${fmtInt(total)} clusters (${m.report.top === null ? 'all ranks' : `top ${m.report.top}`}, risk ≥ ${m.report.min_risk}).${formats.gexf || formats.graphml ? html` Graph of these clusters: ${exports}.` : ''}</p></header>
<table><thead><tr><th class="n">rank</th><th>cluster</th><th class="n">risk</th><th class="n">keys</th><th class="n">accounts</th><th class="n">requests</th>${attributed ? html`<th>attributed to</th>` : ''}<th>top reasons</th><th>documents</th></tr></thead><tbody>
${rows}
</tbody></table>
${clusters.length === 0 ? html`<p class="muted">No cluster matches the selection.</p>` : ''}
${footer(m)}`;
  return page('sybilscope · clusters by risk', body);
}
