/**
 * One cluster's HTML report: self-contained (inline CSS and SVG), no script,
 * no external reference, printable. Every value is interpolated through
 * `html`, which escapes it; values from the logs are wrapped in <bdi> so a
 * right-to-left override cannot reorder the text around them.
 */
import { fmtInt, fmtPct } from '../util/format.ts';
import { html, trusted, type SafeHtml } from './html.ts';
import { SHARED_KINDS, type ClusterReport, type ManifestFooter } from './schema.ts';
import { STYLES } from './styles.ts';
import { scoresSvg, timelineSvg } from './svg.ts';
import { dateOnly, EVIDENCE_TITLES, minute, rarity, risk2, SHARED_TITLES } from './text.ts';
import { truncate } from './cluster-report.ts';
import { attributionHtml, changeText } from './render-attribution.ts';

/** Longest value shown in a table cell; the JSON and CSV carry it whole. */
export const MAX_CELL_CHARS = 160;

/** A value from the logs: isolated, truncated for display, with the full text as its tooltip when cut. */
export function val(text: string | null | undefined, max = MAX_CELL_CHARS): SafeHtml {
  if (text === null || text === undefined) return html`<span class="muted">—</span>`;
  const shown = truncate(text, max);
  return shown === text ? html`<bdi>${text}</bdi>` : html`<bdi title="${truncate(text, 2000)}">${shown}</bdi>`;
}

export function page(title: string, body: SafeHtml): string {
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${trusted(STYLES)}</style>
</head>
<body>
${body}
</body>
</html>
`.value;
}

export function footer(m: ManifestFooter): SafeHtml {
  return html`<footer>
<p>sybilscope ${m.sybilscope_version} · output version ${m.output_version} · seed ${m.seed} · config ${m.config_file === null ? 'defaults' : val(m.config_file)}${m.privacy ? ' · privacy: no prompt fillings' : ''} · selection: ${m.report.top === null ? 'all clusters' : `top ${m.report.top}`}, risk ≥ ${m.report.min_risk}</p>
<table><thead><tr><th>input</th><th>kind</th><th class="n">bytes</th><th>sha256</th></tr></thead><tbody>
${m.inputs.map((i) => html`<tr><td>${val(i.path)}</td><td>${i.kind}</td><td class="n">${fmtInt(i.bytes)}</td><td class="mono">${i.sha256}</td></tr>`)}
</tbody></table>
</footer>`;
}

function sharedSection(r: ClusterReport): SafeHtml {
  const parts = SHARED_KINDS.filter((k) => r.shared[k].length > 0).map(
    (k) => html`<h3>${SHARED_TITLES[k]} (${r.shared[k].length})</h3>
<table><thead><tr><th>value</th><th class="n">keys</th><th class="n">accounts</th><th class="n">requests</th><th>rarity</th></tr></thead><tbody>
${r.shared[k].map((v) => html`<tr><td>${val(v.value)}</td><td class="n">${fmtInt(v.keys)}</td><td class="n">${fmtInt(v.accounts)}</td><td class="n">${fmtInt(v.requests)}</td><td>${rarity(v)}</td></tr>`)}
</tbody></table>`,
  );
  return html`<section><h2>Shared infrastructure</h2>${parts.length > 0 ? parts : html`<p class="muted">No value is shared by two or more keys.</p>`}
<p class="small muted">Values held by two or more keys of the cluster (hubs left out, as in linking). Rarity: accounts of this cluster against accounts holding the value in the whole input, where the build's edge evidence lists it.</p></section>`;
}

function linksSection(r: ClusterReport): SafeHtml {
  const links = r.links.map(
    (l) => html`<div class="link"><b>${val(l.source, 60)} — ${val(l.target, 60)}</b> <span class="muted">weight ${l.weight.toFixed(2)}</span>
<ul>${Object.entries(l.evidence).map(
      ([type, ev]) =>
        html`<li>${EVIDENCE_TITLES[type] ?? type} (weight ${ev.weight.toFixed(2)}${ev.shared > ev.values.length ? `, ${ev.shared} shared` : ''}): ${ev.values.map(
          (v, i) => html`${i > 0 ? ', ' : ''}${val(v.value, 80)} <span class="muted">(${fmtInt(v.accounts)} account${v.accounts === 1 ? '' : 's'}, ${fmtInt(v.keys)} key${v.keys === 1 ? '' : 's'} in the input${v.coactive ? ', used within the co-activity window' : ''})</span>`,
        )}</li>`,
    )}</ul></div>`,
  );
  return html`<section><h2>Why these keys are linked</h2>
<p class="small muted">The ${fmtInt(r.links.length)} strongest of ${fmtInt(r.links_total)} links inside the cluster, with the values each pair shares. A value held by few accounts in the whole input weighs more.</p>
${links.length > 0 ? links : html`<p class="muted">No link listed.</p>`}</section>`;
}

function templatesSection(r: ClusterReport): SafeHtml {
  if (r.templates.length === 0) return html``;
  return html`<section><h2>Prompt templates</h2>
${r.templates.map(
  (t) => html`<div class="template"><p><b class="mono">${t.id}</b>${t.reasoning ? ' · asks for reasoning' : ''} · ${fmtInt(t.keys)} keys, ${fmtInt(t.accounts)} accounts, ${fmtInt(t.prompts)} sampled prompts, ~${fmtInt(t.requests)} requests</p>
<p class="text"><bdi>${truncate(t.text, 600)}</bdi></p>
${t.examples.length > 0 ? html`<p class="small muted">Example fillings (truncated; from the whole run):</p><ul class="small">${t.examples.map((e) => html`<li>${val(e)}</li>`)}</ul>` : ''}</div>`,
)}
${r.manifest.privacy ? html`<p class="small muted">The build ran with privacy: no prompt fillings are shown.</p>` : ''}</section>`;
}

function membersSection(r: ClusterReport): SafeHtml {
  return html`<section class="page-break"><h2>Members (${fmtInt(r.members.length)} keys)</h2>
<table><thead><tr><th>key</th><th>account</th><th>account created</th><th class="n">requests</th><th class="n">output tokens</th><th>first seen</th><th>last seen</th><th class="n">IPs</th><th>top user agent</th></tr></thead><tbody>
${r.members.map((m) => html`<tr><td class="mono">${val(m.key, 60)}</td><td class="mono">${val(m.account, 60)}</td><td>${dateOnly(m.account_created_at)}</td><td class="n">${fmtInt(m.requests)}</td><td class="n">${fmtInt(m.output_tokens)}</td><td>${minute(m.first_seen)}</td><td>${minute(m.last_seen)}</td><td class="n">${fmtInt(m.ip_count)}</td><td>${val(m.top_user_agent, 60)}</td></tr>`)}
</tbody></table>
<h2>Accounts (${fmtInt(r.accounts.length)})</h2>
<table><thead><tr><th>account</th><th class="n">keys</th><th class="n">requests</th><th>email domain</th><th>created</th><th>country</th><th>payment methods</th><th>signup IPs</th></tr></thead><tbody>
${r.accounts.map((a) => html`<tr><td class="mono">${a.id === null ? html`<span class="muted">(no account)</span>` : val(a.id, 60)}</td><td class="n">${fmtInt(a.keys)}</td><td class="n">${fmtInt(a.requests)}</td><td>${val(a.email_domain, 60)}</td><td>${dateOnly(a.created_at)}</td><td>${val(a.country, 8)}</td><td class="mono">${a.payments.map((p, i) => html`${i > 0 ? ', ' : ''}${val(p, 60)}`)}</td><td class="mono">${a.signup_ips.map((p, i) => html`${i > 0 ? ', ' : ''}${val(p, 60)}`)}</td></tr>`)}
</tbody></table></section>`;
}

export function renderClusterHtml(r: ClusterReport, formats: { md: boolean; json: boolean; csv: boolean; stix: boolean; pdf: boolean }): string {
  const s = r.summary;
  const nav = html`<nav class="formats small"><a href="index.html">all clusters</a>${formats.md ? html`<a href="${r.id}.md">Markdown</a>` : ''}${formats.json ? html`<a href="${r.id}.json">JSON</a>` : ''}${formats.csv ? html`<a href="${r.id}-members.csv">members CSV</a>` : ''}${formats.stix ? html`<a href="${r.id}.stix.json">STIX 2.1</a>` : ''}${formats.pdf ? html`<a href="${r.id}.pdf">PDF</a>` : ''}</nav>`;
  const body = html`<header><h1>Cluster <span class="mono">${r.id}</span> · rank ${r.rank}</h1>${nav}</header>
<section><h2>Summary</h2>
<p>Risk <span class="risk">${risk2(r.risk)}</span> (0 to 1; ${fmtPct(r.risk)})${r.attribution ? html` · attributed to <b>${val(r.attribution.actor, 80)}</b> (confidence ${r.attribution.confidence.toFixed(2)})` : ''}</p>
${r.change ? html`<p class="small">${changeText(r.change)}</p>` : ''}
<div class="facts"><div>keys<b>${fmtInt(s.keys)}</b></div><div>accounts<b>${fmtInt(s.accounts)}</b></div><div>requests<b>${fmtInt(s.requests)}</b></div><div>output tokens<b>${fmtInt(s.output_tokens)}</b></div><div>first seen<b>${minute(s.first_seen)}</b></div><div>last seen<b>${minute(s.last_seen)}</b></div></div>
<h3>Reasons</h3>
${r.reasons.length > 0 ? html`<ol class="reasons">${r.reasons.map((x) => html`<li><bdi>${x}</bdi></li>`)}</ol>` : html`<p class="muted">No reason stands out.</p>`}
${scoresSvg(r.scores)}
</section>
<section><h2>Activity</h2>${timelineSvg(r.timeline)}</section>
${linksSection(r)}
${sharedSection(r)}
${templatesSection(r)}
${attributionHtml(r, val)}
${membersSection(r)}
${footer(r.manifest)}`;
  return page(`sybilscope · cluster ${r.id} · risk ${risk2(r.risk)}`, body);
}
