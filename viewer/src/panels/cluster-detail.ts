/**
 * Cluster detail: risk and reasons, members, shared infrastructure with counts, templates,
 * activity per hour, attribution when present. Displays and calls back.
 */
import { el, formatNumber } from '../dom.ts';
import type { ClusterFile } from '../types.ts';
import { riskBadge } from './cluster-list.ts';
import { renderTimeline } from './timeline.ts';

export interface ClusterDetailProps {
  file: ClusterFile;
  color: string;
  onSelectKey(key: string): void;
}

/** Rows per table before "and N more". */
const ROWS = 12;

const SHARED_SECTIONS: ReadonlyArray<[keyof ClusterFile['shared'], string]> = [
  ['payments', 'Payment fingerprints'],
  ['ips', 'IPs'],
  ['prefixes', 'IP prefixes'],
  ['signup_ips', 'Signup IPs'],
  ['email_domains', 'Email domains'],
  ['user_agents', 'User agents'],
];

export function renderClusterDetail(container: HTMLElement, props: ClusterDetailProps): () => void {
  const { file } = props;
  const f = file.features;
  const num = (name: string) => (typeof f[name] === 'number' ? (f[name] as number) : null);
  const requests = num('requests');

  const header = el('header', { class: 'panel-header' }, [
    el('h2', {}, [el('span', { text: `Cluster #${file.rank} ` }), el('code', { class: 'id', text: file.id })]),
    el('div', { class: 'stat-row' }, [
      riskBadge(file.risk, props.color),
      el('span', { class: 'stat', dataset: { stat: 'members' } }, [el('b', { class: 'member-count', text: formatNumber(file.nodes.length) }), ' keys']),
      el('span', { class: 'stat' }, [el('b', { text: formatNumber(file.accounts.filter((a) => a.id !== null).length) }), ' accounts']),
      requests === null ? null : el('span', { class: 'stat' }, [el('b', { text: formatNumber(requests) }), ' requests']),
    ]),
  ]);

  const reasons = section('Why it is suspicious', [
    file.reasons.length === 0 ? el('p', { class: 'muted', text: 'no reason above threshold' }) : el('ol', { class: 'reasons' }, file.reasons.map((r) => el('li', { text: r }))),
  ]);

  const members = section(`Members (${formatNumber(file.nodes.length)} keys)`, [
    el('h4', { text: 'Accounts' }),
    table(
      ['account', 'keys', 'requests', 'email domain'],
      file.accounts.slice(0, ROWS).map((a) => [swatchText(a.id ?? '(no account)', a.color), formatNumber(a.keys), formatNumber(a.requests), a.email_domain ?? '—']),
      file.accounts.length,
    ),
    el('h4', { text: 'Keys by requests' }),
    keysTable(file, props.onSelectKey),
  ]);

  const shared = section(
    'Shared infrastructure',
    SHARED_SECTIONS.filter(([name]) => file.shared[name].length > 0).flatMap(([name, title]) => [
      el('h4', { text: `${title} (${formatNumber(file.shared[name].length)})` }),
      table(
        ['value', 'keys', 'accounts', 'requests'],
        file.shared[name].slice(0, ROWS).map((v) => [v.value, formatNumber(v.keys), formatNumber(v.accounts), formatNumber(v.requests)]),
        file.shared[name].length,
        `shared-${name}`,
      ),
    ]),
  );
  if (SHARED_SECTIONS.every(([name]) => file.shared[name].length === 0)) shared.append(el('p', { class: 'muted', text: 'no value shared by two keys' }));

  const templates =
    file.templates.length === 0
      ? null
      : section(`Prompt templates (${formatNumber(file.templates.length)})`, [
          el(
            'ul',
            { class: 'templates' },
            file.templates.slice(0, ROWS).map((t) =>
              el('li', { dataset: { template: t.id } }, [
                el('q', { class: 'template-text', text: t.text }),
                el('div', { class: 'muted' }, [
                  t.reasoning ? el('span', { class: 'tag warn', text: 'asks for reasoning' }) : null,
                  el('span', { text: `${formatNumber(t.keys)} keys · ${formatNumber(t.accounts)} accounts · ~${formatNumber(t.requests)} requests` }),
                ]),
              ]),
            ),
          ),
        ]);

  const stats = file.edge_stats;
  const edges = section('Links', [
    el('p', {
      class: 'edge-stats',
      text:
        stats.dropped > 0
          ? `showing the strongest ${formatNumber(stats.shown)} of ${formatNumber(stats.total)} links (lightest shown weighs ${stats.min_shown_weight?.toFixed(2) ?? '—'})`
          : `${formatNumber(stats.total)} links`,
    }),
  ]);

  const activity = section('Activity', [renderTimeline(file.timeline)]);
  const attribution = file.attribution === null ? null : attributionSection(file.attribution);

  container.replaceChildren(header, reasons, activity, members, shared, ...(templates ? [templates] : []), edges, ...(attribution ? [attribution] : []));
  return () => container.replaceChildren();
}

/** The actor, its confidence, each matched indicator with where it matched and how rare it is, and the propagation. */
function attributionSection(a: NonNullable<ClusterFile['attribution']>): HTMLElement {
  return section('Attribution', [
    el('p', {}, ['Attributed to ', el('b', { class: 'actor', text: a.actor }), ` · confidence ${a.confidence.toFixed(2)} (evidence ${a.evidence.toFixed(2)} × share reached ${a.propagated.share.toFixed(2)})`]),
    a.description ? el('p', { class: 'muted', text: a.description }) : null,
    table(
      ['indicator', 'value', 'matched in', 'accounts holding', 'weight'],
      a.indicators.map((i) => [
        i.type,
        i.value,
        `${formatNumber(i.matched_in.key_count)} keys, ${formatNumber(i.matched_in.account_count)} acc.`,
        `${formatNumber(i.accounts_holding)}${i.hub ? ' (hub)' : ''}`,
        i.weight.toFixed(2),
      ]),
      a.indicators.length,
      'attribution',
    ),
    el('p', { class: 'muted', text: a.propagated.text }),
  ]);
}

/** Keys of the cluster by requests: the busiest first, all of them (up to ALL_KEYS) on demand. */
const ALL_KEYS = 5000;

function keysTable(file: ClusterFile, onSelectKey: (key: string) => void): HTMLElement {
  const sorted = file.nodes.slice().sort((a, b) => b.requests - a.requests || (a.id < b.id ? -1 : 1));
  const rows = (n: number) => sorted.slice(0, n).map((k) => [keyLink(k.id, onSelectKey), k.account ?? '—', formatNumber(k.requests)]);
  const holder = el('div', { class: 'keys-table' }, [table(['key', 'account', 'requests'], rows(ROWS), sorted.length, 'keys')]);
  if (sorted.length > ROWS) {
    const shown = Math.min(sorted.length, ALL_KEYS);
    holder.append(
      el('button', {
        class: 'link show-all',
        text: shown === sorted.length ? `show all ${formatNumber(shown)} keys` : `show the busiest ${formatNumber(shown)} keys`,
        attrs: { type: 'button' },
        on: { click: () => holder.replaceChildren(table(['key', 'account', 'requests'], rows(shown), sorted.length, 'keys')) },
      }),
    );
  }
  return holder;
}

export function section(title: string, children: ReadonlyArray<Node | null>): HTMLElement {
  return el('section', { class: 'panel-section' }, [el('h3', { text: title }), ...children]);
}

export function table(headers: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | Node>>, total: number, name?: string): HTMLElement {
  const t = el('table', { class: 'data', dataset: name ? { table: name } : {} }, [
    el('thead', {}, [el('tr', {}, headers.map((h) => el('th', { text: h })))]),
    el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((c) => el('td', {}, [c]))))),
  ]);
  if (total <= rows.length) return t;
  return el('div', {}, [t, el('p', { class: 'muted more', text: `and ${formatNumber(total - rows.length)} more` })]);
}

export function keyLink(key: string, onSelect: (key: string) => void): HTMLElement {
  return el('button', { class: 'link key-link', text: key, dataset: { key }, attrs: { type: 'button' }, on: { click: () => onSelect(key) } });
}

export function swatchText(text: string, color: string): HTMLElement {
  const swatch = el('span', { class: 'swatch' });
  swatch.style.backgroundColor = color;
  return el('span', { class: 'swatch-text' }, [swatch, el('span', { text })]);
}

