/**
 * A cluster's shared infrastructure: per evidence type, the values held by
 * two or more of its keys, with how many keys, accounts and requests of the
 * cluster touch each. Hubs are left out, as they were left out of linking.
 */
import { ownerOf, type Dataset } from '../aggregate/index.ts';
import { keysOf, valuesOf, type ValueTable } from '../link/index.ts';
import { compareStrings } from '../util/compare.ts';
import { indexOfSorted } from '../util/sorted.ts';

export interface ClusterValue {
  value: string;
  keys: number;
  accounts: number;
  requests: number;
}

export const MAX_CLUSTER_VALUES = 25;

export function clusterEvidence(members: number[], data: Dataset, tables: ValueTable[]): Record<string, ClusterValue[]> {
  const out: Record<string, ClusterValue[]> = {};
  for (const table of tables) {
    const tally = new Map<number, { keys: number; owners: Set<number>; requests: number }>();
    for (const key of members) {
      for (const v of valuesOf(table, key)) {
        let t = tally.get(v);
        if (!t) tally.set(v, (t = { keys: 0, owners: new Set(), requests: 0 }));
        t.keys++;
        t.owners.add(ownerOf(data, key));
        t.requests += requestsOf(table, v, key);
      }
    }
    const values: ClusterValue[] = [];
    for (const [v, t] of tally) {
      if (t.keys < 2) continue;
      values.push({ value: table.values[v], keys: t.keys, accounts: t.owners.size, requests: t.requests });
    }
    if (values.length === 0) continue;
    values.sort((a, b) => b.accounts - a.accounts || b.keys - a.keys || compareStrings(a.value, b.value));
    out[table.type] = values.slice(0, MAX_CLUSTER_VALUES);
  }
  return out;
}

function requestsOf(table: ValueTable, v: number, key: number): number {
  const at = indexOfSorted(keysOf(table, v), key);
  return at < 0 ? 0 : table.requestList[table.keyStart[v] + at];
}
