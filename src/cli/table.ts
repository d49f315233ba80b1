/** The closing table of top clusters. Reasons are generated text, never log content. */
import type { Cluster } from '../output/schemas.ts';

export function clusterTable(clusters: Cluster[], top: number): string {
  if (clusters.length === 0) return 'no clusters found\n';
  const rows = clusters.slice(0, top).map((c) => [
    String(c.rank),
    c.id,
    c.risk.toFixed(2),
    String(c.size),
    String(c.accounts.length),
    truncate(c.reasons[0] ?? '', 80),
  ]);
  const head = ['rank', 'id', 'risk', 'keys', 'accounts', 'first reason'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) => r.map((cell, i) => (i === r.length - 1 ? cell : i === 1 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  const more = clusters.length > top ? `… and ${clusters.length - top} more in clusters.json\n` : '';
  return [fmt(head), ...rows.map(fmt)].join('\n') + '\n' + more;
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : s.slice(0, n - 1) + '…';
}

/** Clusters with an attribution or candidates: id, rank, actor, confidence and the runner-up. */
export function attributionTable(clusters: Cluster[]): string {
  const rows = clusters
    .filter((c) => c.attribution || (c.candidates?.length ?? 0) > 0)
    .map((c) => [
      String(c.rank),
      c.id,
      truncate(c.attribution?.actor ?? '—', 30),
      c.attribution ? c.attribution.confidence.toFixed(2) : '',
      truncate(c.candidates?.map((x) => `${x.actor} ${x.confidence.toFixed(2)}`).join(', ') ?? '', 60),
    ]);
  const attributed = clusters.filter((c) => c.attribution).length;
  const line = `${attributed} of ${clusters.length} clusters attributed\n`;
  if (rows.length === 0) return line;
  const head = ['rank', 'id', 'actor', 'conf', 'candidates'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) => r.map((cell, i) => (i === r.length - 1 ? cell : i === 0 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ');
  return line + [fmt(head), ...rows.map(fmt)].join('\n') + '\n';
}
