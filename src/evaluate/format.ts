/** A plain-text table of an evaluation, for the terminal. */
import type { Evaluation, TemplateEvaluation } from './schema.ts';

const HEADERS = ['group', 'kind', 'keys', 'cluster', 'rank', 'risk', 'size', 'precision', 'recall', 'F1', 'ordinary≥'];
const TEMPLATE_HEADERS = ['template', 'group', 'prompts', 'mined', 'share', 'reasoning'];

const num = (x: number | null, digits = 3) => (x === null ? '–' : x.toFixed(digits));
const int = (x: number | null) => (x === null ? '–' : String(x));

/** Rows aligned under headers; columns in `left` aligned left, the rest (numbers) right. */
function table(headers: string[], rows: string[][], left: ReadonlySet<number>): string[] {
  const widths = headers.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((s, c) => (left.has(c) ? s.padEnd(widths[c]!) : s.padStart(widths[c]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

export function formatEvaluation(e: Evaluation): string {
  const rows = e.groups.map((g) => [
    g.name,
    g.kind,
    String(g.keys),
    g.cluster ?? '–',
    int(g.rank),
    num(g.risk),
    int(g.clusterSize),
    num(g.precision),
    num(g.recall),
    num(g.f1),
    g.kind === 'malicious' ? int(g.ordinaryAbove) : '',
  ]);
  const out = [
    ...table(HEADERS, rows, new Set([0, 1, 3])),
    '',
    `clusters: ${e.clusters}   malicious ranked above benign: ${e.maliciousAboveBenign ? 'yes' : 'no'}`,
  ];
  if (e.templates) out.push('', ...formatTemplates(e.templates));
  return out.join('\n') + '\n';
}

/** Planted: yes/no; detected after the slash (– when no mined template holds it). */
const flag = (b: boolean) => (b ? 'yes' : 'no');

function formatTemplates(t: TemplateEvaluation): string[] {
  const rows = t.templates.map((p) => [
    p.name,
    p.group,
    String(p.prompts),
    p.mined ?? '–',
    num(p.share),
    `${flag(p.reasoning)}/${p.reasoningDetected === null ? '–' : flag(p.reasoningDetected)}`,
  ]);
  return [
    ...table(TEMPLATE_HEADERS, rows, new Set([0, 1, 3, 5])),
    '',
    `templates: ${t.mined} mined from ${t.sampled} sampled prompts` +
      `   purity ${num(t.purity)}   recall ${num(t.recall)}   ARI ${num(t.ari)}   free text assigned ${num(t.freeAssigned)}` +
      (t.excluded > 0 ? `   (${t.excluded} prompts beyond the truth lists left out)` : ''),
    'reasoning: planted/detected',
  ];
}
