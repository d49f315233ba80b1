/**
 * Where the analyst is: Overview › Cluster #n › key. Each step but the last goes back to it.
 */
import { el } from '../dom.ts';

export interface BreadcrumbProps {
  cluster: { id: string; rank: number | null } | null;
  key: string | null;
  onOverview(): void;
  onCluster(): void;
}

export function renderBreadcrumb(container: HTMLElement, props: BreadcrumbProps): () => void {
  const step = (text: string, onClick: (() => void) | null, name: string) =>
    onClick === null
      ? el('span', { class: 'crumb current', text, dataset: { crumb: name }, attrs: { 'aria-current': 'page' } })
      : el('button', { class: 'crumb link', text, dataset: { crumb: name }, attrs: { type: 'button' }, on: { click: onClick } });
  const { cluster, key } = props;
  const parts: Node[] = [step('Overview', cluster === null ? null : props.onOverview, 'overview')];
  if (cluster !== null) {
    parts.push(el('span', { class: 'sep', text: '›' }));
    parts.push(step(cluster.rank === null ? cluster.id : `Cluster #${cluster.rank}`, key === null ? null : props.onCluster, 'cluster'));
  }
  if (cluster !== null && key !== null) {
    parts.push(el('span', { class: 'sep', text: '›' }));
    parts.push(step(key, null, 'key'));
  }
  container.replaceChildren(...parts);
  return () => container.replaceChildren();
}
