/**
 * The legend over the graph: what colours and sizes mean in the current view.
 */
import { el } from '../dom.ts';
import { EVIDENCE_COLORS, FALLBACK_EDGE_COLOR } from '../reducers.ts';
import { EVIDENCE_ORDER } from '../state.ts';
import type { ClusterFile, OverviewFile } from '../types.ts';
import { TYPE_LABELS } from './key-detail.ts';

const ACCOUNTS_SHOWN = 8;

export function renderOverviewLegend(container: HTMLElement, overview: OverviewFile): () => void {
  const ramp = el('span', { class: 'ramp' });
  ramp.style.backgroundImage = `linear-gradient(to right, ${overview.risk_ramp.map((s) => `${s.color} ${(s.at * 100).toFixed(0)}%`).join(', ')})`;
  container.replaceChildren(
    el('div', { class: 'legend-row' }, [el('span', { text: 'risk 0' }), ramp, el('span', { text: '1' })]),
    el('div', { class: 'legend-row muted', text: 'size: keys · link: shared evidence' }),
  );
  return () => container.replaceChildren();
}

export function renderClusterLegend(container: HTMLElement, file: ClusterFile, presentTypes: ReadonlySet<string>): () => void {
  const types = EVIDENCE_ORDER.filter((t) => presentTypes.has(t)).map((type) => {
    const line = el('span', { class: 'swatch line' });
    line.style.backgroundColor = EVIDENCE_COLORS[type] ?? FALLBACK_EDGE_COLOR;
    return el('span', { class: 'legend-item' }, [line, el('span', { text: TYPE_LABELS[type] ?? type })]);
  });
  const accounts = file.accounts.slice(0, ACCOUNTS_SHOWN).map((a) => {
    const dot = el('span', { class: 'swatch' });
    dot.style.backgroundColor = a.color;
    return el('span', { class: 'legend-item' }, [dot, el('span', { text: a.id ?? '(no account)' })]);
  });
  container.replaceChildren(
    el('div', { class: 'legend-row' }, [el('b', { text: 'links by strongest evidence' })]),
    el('div', { class: 'legend-row wrap' }, types),
    el('div', { class: 'legend-row' }, [el('b', { text: 'node colour: account' }), el('span', { class: 'muted', text: ' · size: requests' })]),
    el('div', { class: 'legend-row wrap' }, [
      ...accounts,
      file.accounts.length > ACCOUNTS_SHOWN ? el('span', { class: 'muted', text: `+${file.accounts.length - ACCOUNTS_SHOWN} more` }) : null,
    ]),
  );
  return () => container.replaceChildren();
}
