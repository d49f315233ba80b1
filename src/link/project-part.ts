/**
 * The projection's inner loop over packed tables, for one part of the edges.
 * Edges are split between parts by their smaller endpoint (a hash of it, mod
 * `parts`): every part walks the same values in the same order and adds only
 * the pairs it owns, so each edge receives its contributions in the serial
 * order and its float sums are bit for bit the serial ones; the parts are
 * disjoint, and their union is the serial edge set. In a clique the smaller
 * endpoint of (p, q > p) is key p (keys ascend), so a part skips the rows of
 * keys it does not own without enumerating them.
 *
 * Imports nothing heavy: a worker thread loads this file alone.
 */
import { mix32 } from '../util/hash.ts';
import { coactive } from './coactivity.ts';
import { EdgeStore, type EdgeColumns } from './edge-store.ts';
import type { PackedTable } from './packed-tables.ts';

export interface ProjectParams {
  nodes: number;
  /** Weight columns (evidence types). */
  types: number;
  maxCliqueKeys: number;
  sparseDegree: number;
  /** Co-activity multiplier of IP evidence. */
  multiplier: number;
}

/** Which of `parts` parts owns the edges whose smaller endpoint is `key`. */
export function ownerOfKey(key: number, parts: number): number {
  return mix32(key, 0x2545f491) % parts;
}

/** Pairs a linking table emits for the part owning `owned` keys (all when null): an upper bound on the edges it adds. */
function pairsOf({ start, keys }: PackedTable, params: ProjectParams, owned: Uint8Array | null, parts: number): number {
  let pairs = 0;
  for (let u = 0; u + 1 < start.length; u++) {
    const k = start[u + 1] - start[u];
    if (k > params.maxCliqueKeys) pairs += Math.ceil((k * params.sparseDegree) / parts);
    else if (owned === null) pairs += (k * (k - 1)) / 2;
    else for (let p = 0; p < k; p++) if (owned[keys[start[u] + p]] === 1) pairs += k - 1 - p;
  }
  return pairs;
}

/**
 * One part's projection, fed table by table in projection order (linking
 * tables, then supporting ones), so a worker can start on the first table
 * while the next is being built.
 */
export class PartProjection {
  readonly store: EdgeStore;
  private readonly owned: Uint8Array | null = null;

  constructor(
    private readonly params: ProjectParams,
    private readonly part = 0,
    private readonly parts = 1,
  ) {
    if (parts > 1) {
      this.owned = new Uint8Array(params.nodes);
      for (let i = 0; i < params.nodes; i++) if (ownerOfKey(i, parts) === part) this.owned[i] = 1;
    }
    this.store = new EdgeStore(params.nodes, params.types);
  }

  add(table: PackedTable): void {
    const { maxCliqueKeys, sparseDegree, multiplier } = this.params;
    const { owned, store } = this;
    const { t, create, value, base, start, keys, windows } = table;
    // Pairs emitted bound the edges added from above, often far above (pairs repeat): make
    // room for them up front, at most 2M slots at a time, and let the table grow past that.
    if (create) store.reserve(store.size + Math.min(pairsOf(table, this.params, owned, this.parts), 1 << 21));
    for (let u = 0; u + 1 < start.length; u++) {
      const at = start[u];
      const k = start[u + 1] - at;
      const w = windows === null ? null : { offsets: windows.offsets.subarray(at + u, at + u + k + 1), data: windows.data };
      const v = value[u];
      const sparse = k > maxCliqueKeys;
      const scale = sparse ? (k - 1) / (2 * sparseDegree) : 1;
      const partners = sparse ? sparseDegree : k - 1;
      for (let p = 0; p < k; p++) {
        const i = keys[at + p];
        if (owned !== null && !sparse && owned[i] === 0) continue;
        // Clique: q runs over p+1 … k−1. Sparse: d-th pseudo-random partner of p.
        for (let d = sparse ? 0 : p; d < partners; d++) {
          const q = sparse ? (p + 1 + (mix32(v * 65_537 + d, p) % (k - 1))) % k : d + 1;
          const j = keys[at + q];
          if (owned !== null && sparse && owned[i < j ? i : j] === 0) continue;
          const co = w !== null && coactive(w, p, q) ? multiplier : 1;
          if (create) store.add(i, j, t, base[u] * scale * co);
          else store.addIfPresent(i, j, t, base[u] * scale * co);
        }
      }
    }
  }
}

/** Part `part` of `parts` of the projection of `tables` (all of it by default). */
export function projectPart(tables: PackedTable[], params: ProjectParams, part = 0, parts = 1): EdgeStore {
  const projection = new PartProjection(params, part, parts);
  for (const table of tables) projection.add(table);
  return projection.store;
}

/** Kept edges of a projection, and how many there were before pruning. */
export interface Projection {
  /** Edges of total weight ≥ projection.minEdgeWeight only, slots in (source, target) order. */
  store: EdgeStore;
  candidates: number;
}

export function keptOf(store: EdgeStore, minWeight: number): Projection {
  return { store: store.select(store.kept(minWeight)), candidates: store.size };
}

/** What a worker sends back: its part's kept edges, in (source, target) order, and its candidate count. */
export interface PartResult {
  columns: EdgeColumns;
  candidates: number;
}
