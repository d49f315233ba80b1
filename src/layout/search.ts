/**
 * search.json: what the viewer's search box matches — clustered keys, their
 * accounts, their busiest IPs and the IPs their cluster shares, their
 * accounts' payment fingerprints and their templates' texts — each pointing at
 * its cluster, and at a key when exactly one key of the cluster leads there.
 * Built from the cluster files, so bounded by the clustered keys (at most
 * TOP_IPS IPs per key, MAX_CLUSTER_TEMPLATES templates per cluster).
 */
import { compareStrings } from '../util/compare.ts';
import type { ClusterFile, SearchEntry, SearchFile } from './schema.ts';
import { SEARCH_KINDS, VIEW_VERSION } from './schema.ts';

type Kind = SearchEntry['kind'];

interface Found {
  kind: Kind;
  value: string;
  keys: Set<string>;
  template: string | null;
  /** Some keys leading here may be missing from `keys` (an IP the cluster shares). */
  partial: boolean;
}

function push(lists: Map<string, string[]>, key: string, value: string): void {
  const list = lists.get(key);
  if (list === undefined) lists.set(key, [value]);
  else list.push(value);
}

function clusterEntries(file: ClusterFile): SearchEntry[] {
  const found = new Map<string, Found>();
  const add = (kind: Kind, value: string, key: string | null, template: string | null = null) => {
    const id = `${kind}\u0000${value}`;
    let f = found.get(id);
    if (f === undefined) found.set(id, (f = { kind, value, keys: new Set(), template, partial: false }));
    if (key === null) f.partial = true;
    else f.keys.add(key);
  };
  const keysOfAccount = new Map<string, string[]>();
  const keysOfTemplate = new Map<string, string[]>();
  for (const node of file.nodes) {
    add('key', node.id, node.id);
    if (node.account !== null) {
      add('account', node.account, node.id);
      push(keysOfAccount, node.account, node.id);
    }
    for (const ip of node.top_ips) add('ip', ip.value, node.id);
    for (const t of node.top_templates) push(keysOfTemplate, t.id, node.id);
  }
  // Which keys hold a shared IP is not in the file's top lists: point at the cluster only.
  for (const ip of file.shared.ips) add('ip', ip.value, null);
  for (const account of file.accounts) {
    if (account.id === null) continue;
    for (const p of account.payments) for (const key of keysOfAccount.get(account.id) ?? []) add('payment', p, key);
  }
  for (const t of file.templates) {
    const keys = keysOfTemplate.get(t.id) ?? [];
    add('template', t.text, t.keys === 1 && keys.length === 1 ? keys[0] : null, t.id);
  }
  return [...found.values()].map((f) => ({
    kind: f.kind,
    value: f.value,
    cluster: file.id,
    key: !f.partial && f.keys.size === 1 ? [...f.keys][0] : null,
    template: f.template,
  }));
}

export function searchFile(files: ClusterFile[]): SearchFile {
  const entries = files.flatMap(clusterEntries);
  const kindOrder = (k: Kind) => SEARCH_KINDS.indexOf(k);
  entries.sort(
    (a, b) =>
      kindOrder(a.kind) - kindOrder(b.kind) ||
      compareStrings(a.value, b.value) ||
      compareStrings(a.cluster, b.cluster) ||
      compareStrings(a.key ?? '', b.key ?? ''),
  );
  return { version: VIEW_VERSION, entries };
}
