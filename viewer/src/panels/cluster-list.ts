/**
 * The ranked cluster list beside the overview: rank, risk, keys, accounts and first reason, and
 * when the build had them, the attributed actor (--actors) and a "new" tag (--previous).
 * Displays and calls back; clusters under the minimum risk are left out.
 */
import { el, formatNumber, formatRisk } from '../dom.ts';
import type { OverviewNode } from '../types.ts';

/** Rows drawn at most; a run with more clusters is narrowed with the risk filter. */
export const MAX_ROWS = 1000;

export interface ClusterListProps {
  nodes: readonly OverviewNode[];
  current: string | null;
  minRisk: number;
  onOpen(cluster: string): void;
}

export function renderClusterList(container: HTMLElement, props: ClusterListProps): () => void {
  const shown = props.nodes.filter((n) => n.risk >= props.minRisk);
  const rows = shown.slice(0, MAX_ROWS).map((node) =>
    el(
      'li',
      {
        class: node.id === props.current ? 'cluster-row current' : 'cluster-row',
        dataset: { cluster: node.id },
        attrs: { tabindex: '0', role: 'button', 'aria-label': `cluster ${node.rank}` },
        on: {
          click: () => props.onOpen(node.id),
          keydown: (event) => {
            if (event.key === 'Enter' || event.key === ' ') {
              event.preventDefault();
              props.onOpen(node.id);
            }
          },
        },
      },
      [
        el('span', { class: 'rank', text: `#${node.rank}` }),
        riskBadge(node.risk, node.color),
        el('span', { class: 'counts' }, [
          `${formatNumber(node.keys)} keys · ${formatNumber(node.accounts)} acc.`,
          node.new ? el('span', { class: 'tag new', text: 'new', title: 'new since the previous run' }) : null,
          node.actor ? el('span', { class: 'tag actor', text: node.actor, title: `attributed to ${node.actor}` }) : null,
        ]),
        el('span', { class: 'reason', text: node.first_reason ?? '—', title: node.first_reason ?? '' }),
      ],
    ),
  );
  const header = el('div', { class: 'list-header' }, [
    el('h2', { text: 'Clusters' }),
    el('span', { class: 'muted', text: `${formatNumber(shown.length)} of ${formatNumber(props.nodes.length)}` }),
  ]);
  const list = el('ol', { class: 'cluster-list', attrs: { 'aria-label': 'clusters by rank' } }, rows);
  const more = shown.length > MAX_ROWS ? el('p', { class: 'muted', text: `${formatNumber(shown.length - MAX_ROWS)} more: raise the minimum risk to narrow the list` }) : null;
  container.replaceChildren(header, list, ...(more ? [more] : []));
  container.querySelector('.current')?.scrollIntoView({ block: 'nearest' });
  return () => container.replaceChildren();
}

export function riskBadge(risk: number, color: string): HTMLElement {
  const badge = el('span', { class: 'risk', text: formatRisk(risk), title: `risk ${formatRisk(risk)}` });
  badge.style.setProperty('--risk-color', color);
  return badge;
}
