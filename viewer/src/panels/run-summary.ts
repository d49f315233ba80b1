/**
 * The panel beside the overview: facts about the run, and how to start.
 */
import { el, formatNumber } from '../dom.ts';
import type { OverviewFile } from '../types.ts';
import { section } from './cluster-detail.ts';

export function renderRunSummary(container: HTMLElement, overview: OverviewFile): () => void {
  const run = overview.run;
  const facts: Array<[string, string]> = [
    ['events', formatNumber(run.events)],
    ['keys', formatNumber(run.keys)],
    ['accounts', formatNumber(run.accounts)],
    ['clusters', formatNumber(run.clusters)],
    ['keys in clusters', formatNumber(run.clustered_keys)],
    ['links', formatNumber(run.edges)],
    ['from', run.first_seen ?? '—'],
    ['to', run.last_seen ?? '—'],
    ['seed', String(run.seed)],
  ];
  const parts: Array<HTMLElement | null> = [
    el('header', { class: 'panel-header' }, [el('h2', { text: 'Run' })]),
    section('Facts', [el('dl', { class: 'facts' }, facts.flatMap(([t, v]) => [el('dt', { text: t }), el('dd', { text: v })]))]),
    run.privacy ? el('p', { class: 'tag', text: 'privacy mode: templates only, no prompt fillings' }) : null,
    section('Start', [
      el('p', { class: 'muted', text: 'Open a cluster from the list or the graph, or search for a key, account, IP, payment fingerprint or template text. Esc goes back; / focuses search.' }),
    ]),
  ];
  container.replaceChildren(...parts.filter((n): n is HTMLElement => n !== null));
  return () => container.replaceChildren();
}
