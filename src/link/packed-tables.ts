/**
 * What the projection reads of the value tables, packed flat into
 * SharedArrayBuffers so worker threads see it without a copy: per table only
 * the values that link (not hubs, on two keys or more), their keys end to end
 * with offsets, each value's weight × rarity, and for IPs the co-activity
 * windows end to end. Supporting tables come after the linking ones, in the
 * order the projection walks them.
 */
import { EVIDENCE_TYPES, type Config } from '../config/schema.ts';
import { rarityWeight } from './rarity.ts';
import type { ValueTable } from './value-table.ts';

export interface PackedTable {
  /** Evidence type index: the weight column this table adds to. */
  t: number;
  /** Linking evidence creates edges; supporting evidence only adds to existing ones. */
  create: boolean;
  /** Per packed value: its index in the value table (the sparse partners' hash seed). */
  value: Int32Array;
  /** Per packed value: evidence weight × rarity. */
  base: Float64Array;
  /** Packed value u holds keys[start[u] … start[u+1]), ascending. */
  start: Int32Array;
  keys: Int32Array;
  /**
   * IP only: value u's key p has windows data[offsets[start[u] + u + p] … offsets[start[u] + u + p + 1]);
   * offsets index `data` directly, so a value's slice of offsets is a KeyWindows over all of data.
   */
  windows: { offsets: Int32Array; data: Float64Array } | null;
}

function shared<A extends Int32Array | Float64Array>(Kind: { new (b: SharedArrayBuffer): A; BYTES_PER_ELEMENT: number }, n: number): A {
  return new Kind(new SharedArrayBuffer(Math.max(1, n) * Kind.BYTES_PER_ELEMENT));
}

/** Tables with weight > 0, linking first then supporting, packed. */
export function packTables(tables: ValueTable[], config: Config): PackedTable[] {
  const used = (t: ValueTable) => config.evidence[t.type].weight > 0;
  const linking = tables.filter((t) => used(t) && !config.evidence[t.type].supportOnly);
  const supporting = tables.filter((t) => used(t) && config.evidence[t.type].supportOnly);
  return [...linking.map((t) => packTable(t, config, true)), ...supporting.map((t) => packTable(t, config, false))];
}

/** One table's linking values, packed; `create` for linking evidence. */
export function packTable(table: ValueTable, config: Config, create: boolean): PackedTable {
  const { weight } = config.evidence[table.type];
  const linked: number[] = [];
  let keyCount = 0;
  let windowCount = 0;
  const { keyStart, keyList } = table;
  for (let v = 0; v < table.values.length; v++) {
    const k = keyStart[v + 1] - keyStart[v];
    if (table.hub[v] === 1 || k < 2) continue;
    linked.push(v);
    keyCount += k;
    windowCount += table.windows?.[v]?.data.length ?? 0;
  }
  const n = linked.length;
  const value = shared(Int32Array, n);
  const base = shared(Float64Array, n);
  const start = shared(Int32Array, n + 1);
  const keys = shared(Int32Array, keyCount);
  const windows = table.windows ? { offsets: shared(Int32Array, keyCount + n), data: shared(Float64Array, windowCount) } : null;
  let at = 0;
  let w = 0;
  linked.forEach((v, u) => {
    const from = keyStart[v];
    const k = keyStart[v + 1] - from;
    value[u] = v;
    base[u] = weight * rarityWeight(table.accounts[v], config.rarity.exponent);
    start[u] = at;
    for (let p = 0; p < k; p++) keys[at + p] = keyList[from + p];
    if (windows) {
      // A linking IP always has its windows; none would read as "never co-active".
      const kw = table.windows![v];
      for (let p = 0; p <= k; p++) windows.offsets[at + u + p] = w + (kw ? kw.offsets[p] : 0);
      if (kw) {
        windows.data.set(kw.data.subarray(0, kw.offsets[k]), w);
        w += kw.offsets[k];
      }
    }
    at += k;
  });
  start[n] = at;
  return { t: EVIDENCE_TYPES.indexOf(table.type), create, value, base, start, keys, windows };
}
