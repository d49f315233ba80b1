/**
 * Projection of key–value incidence onto key–key edges. Each non-hub value
 * links the keys holding it with weight × rarity (× the co-activity multiplier
 * for IPs seen together in time). A value on more than `maxCliqueKeys` keys
 * (one large account's keys, say) does not emit its k² pairs: each key links
 * to `sparseDegree` pseudo-random partners, scaled so every key keeps the
 * total weight the clique would give it. A random graph of that degree is an
 * expander, so Louvain still sees one dense group; work stays O(k · degree).
 *
 * Supporting types (a /24, a user agent: what strangers on one ISP or SDK
 * share) never create an edge: their pairs are enumerated the same way but
 * only add to edges that linking evidence made. That also spares the table
 * the millions of pairs that only a prefix would join.
 */
import { EVIDENCE_TYPES, type Config } from '../config/schema.ts';
import { mix32 } from '../util/hash.ts';
import { coactive } from './coactivity.ts';
import { EdgeStore } from './edge-store.ts';
import { rarityWeight } from './rarity.ts';
import type { ValueTable } from './value-table.ts';

export function project(tables: ValueTable[], nodes: number, config: Config): EdgeStore {
  const { maxCliqueKeys, sparseDegree } = config.projection;
  const linking = tables.filter((t) => !config.evidence[t.type].supportOnly && config.evidence[t.type].weight > 0);
  const supporting = tables.filter((t) => config.evidence[t.type].supportOnly && config.evidence[t.type].weight > 0);
  // Pairs emitted bound the edges from above, often far above (pairs repeat): start there,
  // capped at 2M slots (~130 MB), and let the table grow if more are needed.
  let pairs = 0;
  for (const table of linking)
    for (let v = 0; v < table.values.length; v++) {
      const k = table.hub[v] ? 0 : table.keys[v].length;
      pairs += k <= maxCliqueKeys ? (k * (k - 1)) / 2 : k * sparseDegree;
    }
  const store = new EdgeStore(nodes, EVIDENCE_TYPES.length, Math.min(pairs, 1 << 21));
  for (const table of linking) projectTable(table, config, store, true);
  for (const table of supporting) projectTable(table, config, store, false);
  return store;
}

/** Every pair a table's non-hub values link, with its weight: cliques, or sparse partners on big values. */
function projectTable(table: ValueTable, config: Config, store: EdgeStore, create: boolean): void {
  const { maxCliqueKeys, sparseDegree } = config.projection;
  const multiplier = config.coactivity.multiplier;
  const t = EVIDENCE_TYPES.indexOf(table.type);
  const weight = config.evidence[table.type].weight;
  const emit = (i: number, j: number, w: number) => (create ? store.add(i, j, t, w) : store.addIfPresent(i, j, t, w));
  for (let v = 0; v < table.values.length; v++) {
    const keys = table.keys[v];
    const k = keys.length;
    if (table.hub[v] === 1 || k < 2) continue;
    const base = weight * rarityWeight(table.accounts[v], config.rarity.exponent);
    const windows = table.windows?.[v] ?? null;
    const sparse = k > maxCliqueKeys;
    const scale = sparse ? (k - 1) / (2 * sparseDegree) : 1;
    const partners = sparse ? sparseDegree : k - 1;
    for (let p = 0; p < k; p++) {
      // Clique: q runs over p+1 … k−1. Sparse: d-th pseudo-random partner of p.
      for (let d = sparse ? 0 : p; d < partners; d++) {
        const q = sparse ? (p + 1 + (mix32(v * 65_537 + d, p) % (k - 1))) % k : d + 1;
        const co = windows !== null && coactive(windows, p, q) ? multiplier : 1;
        emit(keys[p], keys[q], base * scale * co);
      }
    }
  }
}
