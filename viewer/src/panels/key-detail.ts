/**
 * Key detail: account, volume, IPs, user agents, templates, and for each neighbour why the two
 * keys are linked, value by value (the evidence of edges.jsonl). Displays and calls back.
 */
import { el, formatNumber, formatWeight, plural } from '../dom.ts';
import { typesByWeight } from '../graphs.ts';
import { EVIDENCE_COLORS, FALLBACK_EDGE_COLOR } from '../reducers.ts';
import type { ClusterEdge, ClusterFile, ClusterNode } from '../types.ts';
import { keyLink, section, swatchText, table } from './cluster-detail.ts';

export interface KeyDetailProps {
  file: ClusterFile;
  node: ClusterNode;
  /** The key's edges in the cluster file, strongest first. */
  edges: readonly ClusterEdge[];
  onSelectKey(key: string): void;
  onClose(): void;
}

/** Neighbours listed before "and N more". */
const NEIGHBOURS = 60;

export const TYPE_LABELS: Readonly<Record<string, string>> = Object.freeze({
  account: 'same account',
  payment: 'payment method',
  signup_ip: 'signup IP',
  template: 'prompt template',
  ip: 'IP',
  email_domain: 'email domain',
  prefix: 'IP prefix',
  user_agent: 'user agent',
});

export function renderKeyDetail(container: HTMLElement, props: KeyDetailProps): () => void {
  const { file, node } = props;
  const account = file.accounts.find((a) => a.id === node.account) ?? null;
  const templateText = new Map(file.templates.map((t) => [t.id, t]));

  const header = el('header', { class: 'panel-header' }, [
    el('div', { class: 'panel-title' }, [
      el('h2', {}, [el('span', { text: 'Key ' }), el('code', { class: 'id key-id', text: node.id })]),
      el('button', { class: 'icon', text: '×', title: 'close (Esc)', attrs: { type: 'button', 'aria-label': 'close key panel' }, on: { click: props.onClose } }),
    ]),
    el('div', { class: 'stat-row' }, [
      el('span', { class: 'stat' }, [el('b', { text: formatNumber(node.requests) }), ' requests']),
      el('span', { class: 'stat' }, [el('b', { text: formatNumber(node.output_tokens) }), ' output tokens']),
      el('span', { class: 'stat' }, [el('b', { text: formatNumber(node.degree) }), ' links', node.external_degree > 0 ? ` (${formatNumber(node.external_degree)} outside)` : '']),
    ]),
  ]);

  const accountSection = section('Account', [
    node.account === null
      ? el('p', { class: 'muted', text: 'no account' })
      : el('dl', { class: 'facts' }, [
          ...fact('account', swatchText(node.account, node.color)),
          ...(account ? fact('email domain', account.email_domain ?? '—') : []),
          ...(account ? fact('created', account.created_at ?? '—') : []),
          ...(account?.country ? fact('country', account.country) : []),
          ...(account && account.payments.length > 0 ? fact('payment', account.payments.join(', ')) : []),
          ...(account && account.signup_ips.length > 0 ? fact('signup IP', account.signup_ips.join(', ')) : []),
        ]),
  ]);

  const volume = section('Volume', [
    el('dl', { class: 'facts' }, [
      ...fact('requests', formatNumber(node.requests)),
      ...fact('tokens in / out', `${formatNumber(node.input_tokens)} / ${formatNumber(node.output_tokens)}`),
      ...fact('first seen', node.first_seen ?? '—'),
      ...fact('last seen', node.last_seen ?? '—'),
      ...fact('active hours', formatNumber(node.active_hours)),
    ]),
  ]);

  const ips = section(`IPs (${formatNumber(node.ip_count)})`, [
    table(['IP', 'requests'], node.top_ips.map((v) => [v.value, formatNumber(v.requests)]), node.ip_count, 'key-ips'),
  ]);
  const agents =
    node.top_user_agents.length === 0
      ? null
      : section('User agents', [table(['user agent', 'requests'], node.top_user_agents.map((v) => [v.value, formatNumber(v.requests)]), node.top_user_agents.length, 'key-user-agents')]);
  const templates =
    node.top_templates.length === 0
      ? null
      : section('Templates', [
          el(
            'ul',
            { class: 'templates' },
            node.top_templates.map((t) => {
              const info = templateText.get(t.id);
              return el('li', { dataset: { template: t.id } }, [
                el('q', { class: 'template-text', text: info?.text ?? t.id }),
                el('div', { class: 'muted' }, [
                  info?.reasoning ? el('span', { class: 'tag warn', text: 'asks for reasoning' }) : null,
                  el('span', { text: `${formatNumber(t.prompts)} sampled prompts` }),
                ]),
              ]);
            }),
          ),
        ]);

  const neighbours = section(`Linked keys (${formatNumber(props.edges.length)})`, [
    props.edges.length === 0 ? el('p', { class: 'muted', text: 'no link shown in this view' }) : null,
    el(
      'ol',
      { class: 'neighbours' },
      props.edges.slice(0, NEIGHBOURS).map((edge) => neighbourRow(node.id, edge, templateText, props.onSelectKey)),
    ),
    props.edges.length > NEIGHBOURS ? el('p', { class: 'muted more', text: `and ${formatNumber(props.edges.length - NEIGHBOURS)} more` }) : null,
  ]);

  container.replaceChildren(header, neighbours, accountSection, volume, ips, ...(agents ? [agents] : []), ...(templates ? [templates] : []));
  return () => container.replaceChildren();
}

function fact(term: string, value: string | Node): HTMLElement[] {
  return [el('dt', { text: term }), el('dd', {}, [value])];
}

/** One neighbour: who, how strongly, and every shared value by type. */
function neighbourRow(self: string, edge: ClusterEdge, templates: ReadonlyMap<string, { text: string }>, onSelect: (key: string) => void): HTMLElement {
  const other = edge.source === self ? edge.target : edge.source;
  const types = typesByWeight(edge);
  return el('li', { class: 'neighbour', dataset: { neighbour: other } }, [
    el('div', { class: 'neighbour-head' }, [keyLink(other, onSelect), el('span', { class: 'weight', text: `weight ${formatWeight(edge.weight)}` })]),
    el(
      'ul',
      { class: 'evidence' },
      types.map((type) => {
        const ev = edge.evidence[type];
        if (ev === undefined) return null;
        const chip = el('span', { class: 'type-chip', text: TYPE_LABELS[type] ?? type });
        chip.style.setProperty('--type-color', EVIDENCE_COLORS[type] ?? FALLBACK_EDGE_COLOR);
        return el('li', { class: 'evidence-type', dataset: { type } }, [
          chip,
          el('span', { class: 'muted', text: ` ${formatWeight(ev.weight)}${ev.shared > ev.values.length ? ` · ${ev.shared} shared, rarest ${ev.values.length} listed` : ''}` }),
          el(
            'ul',
            { class: 'values' },
            ev.values.map((v) =>
              el('li', {}, [
                el('code', { class: 'evidence-value', text: v.value }),
                el('span', { class: 'muted', text: ` ${plural(v.accounts, 'account')} · ${plural(v.keys, 'key')}${v.coactive ? ' · co-active' : ''}` }),
                type === 'template' && templates.has(v.value) ? el('q', { class: 'template-text small', text: templates.get(v.value)!.text }) : null,
              ]),
            ),
          ),
        ]);
      }),
    ),
  ]);
}
