/**
 * Projection of key–value incidence onto key–key edges. Each non-hub value
 * links the keys holding it with weight × rarity (× the co-activity multiplier
 * for IPs seen together in time). A value on more than `maxCliqueKeys` keys
 * (one large account's keys, say) does not emit its k² pairs: each key links
 * to `sparseDegree` pseudo-random partners, scaled so every key keeps the
 * total weight the clique would give it. A random graph of that degree is an
 * expander, so Louvain still sees one dense group; work stays O(k · degree).
 */
import { EVIDENCE_TYPES, type Config } from '../config/schema.ts';
import { mix32 } from '../util/hash.ts';
import { coactive } from './coactivity.ts';
import { EdgeStore } from './edge-store.ts';
import { rarityWeight } from './rarity.ts';
import type { ValueTable } from './value-table.ts';

export function project(tables: ValueTable[], nodes: number, config: Config): EdgeStore {
  const store = new EdgeStore(nodes, EVIDENCE_TYPES.length);
  const { maxCliqueKeys, sparseDegree } = config.projection;
  const multiplier = config.coactivity.multiplier;
  for (const table of tables) {
    const t = EVIDENCE_TYPES.indexOf(table.type);
    const weight = config.evidence[table.type].weight;
    if (weight === 0) continue;
    for (let v = 0; v < table.values.length; v++) {
      const keys = table.keys[v];
      const k = keys.length;
      if (table.hub[v] === 1 || k < 2) continue;
      const base = weight * rarityWeight(table.accounts[v], config.rarity.exponent);
      const windows = table.windows?.[v];
      const link = (p: number, q: number, scale: number) => {
        const co = windows !== undefined && coactive(windows[p], windows[q]) ? multiplier : 1;
        store.add(keys[p], keys[q], t, base * scale * co);
      };
      if (k <= maxCliqueKeys) {
        for (let p = 0; p < k; p++) for (let q = p + 1; q < k; q++) link(p, q, 1);
      } else {
        const scale = (k - 1) / (2 * sparseDegree);
        for (let p = 0; p < k; p++) {
          for (let d = 0; d < sparseDegree; d++) {
            const q = (p + 1 + (mix32(v * 65_537 + d, p) % (k - 1))) % k;
            link(p, q, scale);
          }
        }
      }
    }
  }
  return store;
}
