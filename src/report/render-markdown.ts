/** One cluster's Markdown report, for tickets: the same content as the HTML, every value escaped. */
import { fmtInt, fmtPct } from '../util/format.ts';
import { truncate } from './cluster-report.ts';
import { md, mdTable } from './markdown.ts';
import { attributionMarkdown, changeText } from './render-attribution.ts';
import { MAX_CELL_CHARS } from './render-html.ts';
import { SHARED_KINDS, type ClusterReport } from './schema.ts';
import { dateOnly, EVIDENCE_TITLES, minute, rarity, risk2, SHARED_TITLES } from './text.ts';

/** Links listed in Markdown (tickets are read, not browsed). */
export const MD_LINKS = 10;

const v = (text: string | null | undefined, max = MAX_CELL_CHARS) => (text === null || text === undefined ? '—' : md(truncate(text, max)));

export function renderClusterMarkdown(r: ClusterReport): string {
  const s = r.summary;
  const out: string[] = [];
  out.push(`# Cluster ${md(r.id)} · rank ${r.rank}`, '');
  out.push(`**Risk ${risk2(r.risk)}** (0 to 1; ${fmtPct(r.risk)}) · ${fmtInt(s.keys)} keys · ${fmtInt(s.accounts)} accounts · ${fmtInt(s.requests)} requests · ${fmtInt(s.output_tokens)} output tokens · ${md(minute(s.first_seen))} to ${md(minute(s.last_seen))} UTC`, '');
  if (r.attribution) out.push(`Attributed to **${v(r.attribution.actor, 80)}** (confidence ${r.attribution.confidence.toFixed(2)}).`, '');
  if (r.change) out.push(md(changeText(r.change)), '');
  out.push('## Reasons', '');
  if (r.reasons.length === 0) out.push('No reason stands out.');
  r.reasons.forEach((x, i) => out.push(`${i + 1}\\. ${md(x)}`, ''));
  out.push('', '## Risk features', '');
  const scores = Object.entries(r.scores).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  out.push(mdTable(['feature', 'score'], scores.map(([k, x]) => [md(k.replace(/_/g, ' ')), x.toFixed(2)]), ['l', 'r']), '');
  out.push('## Activity', '');
  const days = perDay(r.timeline);
  if (days.length === 0) out.push('No timed request.', '');
  else out.push(mdTable(['day (UTC)', 'requests', ...(r.timeline.by_account ? ['busiest of the top accounts'] : [])], days.map((d) => [d.day, fmtInt(d.requests), ...(r.timeline.by_account ? [d.top] : [])]), ['l', 'r', 'l']), '');
  out.push('## Why these keys are linked', '');
  out.push(`The ${Math.min(MD_LINKS, r.links.length)} strongest of ${fmtInt(r.links_total)} links inside the cluster.`, '');
  for (const l of r.links.slice(0, MD_LINKS)) {
    const ev = Object.entries(l.evidence).map(
      ([type, e]) => `${md(EVIDENCE_TITLES[type] ?? type)}: ${e.values.map((x) => `${v(x.value, 80)} (${fmtInt(x.accounts)} accounts, ${fmtInt(x.keys)} keys in the input)`).join(', ')}`,
    );
    out.push(`- ${v(l.source, 60)} — ${v(l.target, 60)}, weight ${l.weight.toFixed(2)}: ${ev.join('; ')}`);
  }
  out.push('', '## Shared infrastructure', '');
  for (const k of SHARED_KINDS) {
    if (r.shared[k].length === 0) continue;
    out.push(`### ${SHARED_TITLES[k]} (${r.shared[k].length})`, '');
    out.push(mdTable(['value', 'keys', 'accounts', 'requests', 'rarity'], r.shared[k].map((x) => [v(x.value), fmtInt(x.keys), fmtInt(x.accounts), fmtInt(x.requests), md(rarity(x))]), ['l', 'r', 'r', 'r', 'l']), '');
  }
  if (r.templates.length > 0) {
    out.push('## Prompt templates', '');
    for (const t of r.templates) {
      out.push(`- ${md(t.id)}${t.reasoning ? ' (asks for reasoning)' : ''}: ${fmtInt(t.keys)} keys, ${fmtInt(t.accounts)} accounts, ~${fmtInt(t.requests)} requests — ${v(t.text, 300)}`);
      for (const e of t.examples) out.push(`  - example: ${v(e)}`);
    }
    if (r.manifest.privacy) out.push('', 'The build ran with privacy: no prompt fillings are shown.');
    out.push('');
  }
  out.push(...attributionMarkdown(r));
  out.push(`## Members (${fmtInt(r.members.length)} keys)`, '');
  out.push(
    mdTable(
      ['key', 'account', 'account created', 'requests', 'output tokens', 'first seen', 'last seen', 'IPs'],
      r.members.map((m) => [v(m.key, 60), v(m.account, 60), md(dateOnly(m.account_created_at)), fmtInt(m.requests), fmtInt(m.output_tokens), md(minute(m.first_seen)), md(minute(m.last_seen)), fmtInt(m.ip_count)]),
      ['l', 'l', 'l', 'r', 'r', 'l', 'l', 'r'],
    ),
    '',
  );
  out.push(`## Accounts (${fmtInt(r.accounts.length)})`, '');
  out.push(
    mdTable(
      ['account', 'keys', 'requests', 'email domain', 'created', 'country', 'payment methods'],
      r.accounts.map((a) => [a.id === null ? '(no account)' : v(a.id, 60), fmtInt(a.keys), fmtInt(a.requests), v(a.email_domain, 60), md(dateOnly(a.created_at)), v(a.country, 8), a.payments.map((p) => v(p, 60)).join(', ')]),
      ['l', 'r', 'r', 'l', 'l', 'l', 'l'],
    ),
    '',
  );
  const m = r.manifest;
  out.push('---', '');
  out.push(`sybilscope ${md(m.sybilscope_version)} · output version ${m.output_version} · seed ${m.seed} · config ${m.config_file === null ? 'defaults' : v(m.config_file)}${m.privacy ? ' · privacy' : ''} · selection: ${m.report.top === null ? 'all clusters' : `top ${m.report.top}`}, risk ≥ ${md(String(m.report.min_risk))}`, '');
  for (const i of m.inputs) out.push(`- ${md(i.kind)} ${v(i.path)}: ${fmtInt(i.bytes)} bytes, sha256 ${md(i.sha256)}`);
  return out.join('\n') + '\n';
}

/** Requests per UTC day from the timeline's buckets (a bucket counts on the day it starts). */
function perDay(t: ClusterReport['timeline']): Array<{ day: string; requests: number; top: string }> {
  if (t.start === null) return [];
  const start = Date.parse(t.start);
  const days = new Map<string, { requests: number; byAccount: Map<string, number> }>();
  t.requests.forEach((n, i) => {
    const day = new Date(start + i * t.bucket_hours * 3_600_000).toISOString().slice(0, 10);
    let d = days.get(day);
    if (!d) days.set(day, (d = { requests: 0, byAccount: new Map() }));
    d.requests += n;
    for (const a of t.by_account?.accounts ?? []) {
      const label = a.account ?? '(no account)';
      d.byAccount.set(label, (d.byAccount.get(label) ?? 0) + a.requests[i]);
    }
  });
  return [...days].map(([day, d]) => {
    let top = '—';
    let most = 0;
    for (const [label, n] of d.byAccount) if (n > most) [top, most] = [`${v(label, 60)} (${fmtInt(n)})`, n];
    return { day, requests: d.requests, top };
  });
}
