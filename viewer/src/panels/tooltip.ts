/**
 * The card beside the hovered node: a cluster's rank, risk, size and first reason, or a key's
 * account and volume. Displays only; main.ts places it.
 */
import { el, formatNumber, formatRisk, plural } from '../dom.ts';
import type { ClusterNode, OverviewNode } from '../types.ts';

export type TooltipSubject = { kind: 'cluster'; node: OverviewNode } | { kind: 'key'; node: ClusterNode; links: number };

export function renderTooltip(container: HTMLElement, subject: TooltipSubject | null, at: { x: number; y: number } | null): () => void {
  if (subject === null || at === null) {
    container.hidden = true;
    container.replaceChildren();
    return () => {};
  }
  const lines: Array<HTMLElement | null> =
    subject.kind === 'cluster'
      ? [
          el('div', { class: 'tip-title' }, [el('b', { text: `Cluster #${subject.node.rank}` }), el('span', { class: 'muted', text: ` risk ${formatRisk(subject.node.risk)}` })]),
          el('div', { text: `${plural(subject.node.keys, 'key')} · ${plural(subject.node.accounts, 'account')} · ${plural(subject.node.requests, 'request')}` }),
          subject.node.first_reason ? el('div', { class: 'muted', text: subject.node.first_reason }) : null,
        ]
      : [
          el('div', { class: 'tip-title' }, [el('b', { text: subject.node.id })]),
          el('div', { text: subject.node.account ?? 'no account' }),
          el('div', { class: 'muted', text: `${formatNumber(subject.node.requests)} requests · ${plural(subject.links, 'link')} shown` }),
        ];
  container.replaceChildren(...lines.filter((l): l is HTMLElement => l !== null));
  container.hidden = false;
  // Beside the node, flipped to the other side where it would leave the stage.
  const stage = container.parentElement;
  const width = container.offsetWidth;
  const height = container.offsetHeight;
  const x = stage !== null && at.x + 14 + width > stage.clientWidth ? at.x - 14 - width : at.x + 14;
  const y = stage !== null && at.y + 14 + height > stage.clientHeight ? at.y - 14 - height : at.y + 14;
  container.style.left = `${Math.round(Math.max(0, x))}px`;
  container.style.top = `${Math.round(Math.max(0, y))}px`;
  return () => {
    container.hidden = true;
    container.replaceChildren();
  };
}
