/** A plain-text table of an evaluation, for the terminal. */
import type { Evaluation } from './schema.ts';

const HEADERS = ['group', 'kind', 'keys', 'cluster', 'rank', 'risk', 'size', 'precision', 'recall', 'F1', 'ordinary≥'];
/** Columns aligned left (the rest are numbers, aligned right). */
const LEFT = new Set([0, 1, 3]);

const num = (x: number | null, digits = 3) => (x === null ? '–' : x.toFixed(digits));
const int = (x: number | null) => (x === null ? '–' : String(x));

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
  const widths = HEADERS.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((s, c) => (LEFT.has(c) ? s.padEnd(widths[c]!) : s.padStart(widths[c]!)))
      .join('  ')
      .trimEnd();
  return [
    line(HEADERS),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    `clusters: ${e.clusters}   malicious ranked above benign: ${e.maliciousAboveBenign ? 'yes' : 'no'}`,
  ].join('\n') + '\n';
}
