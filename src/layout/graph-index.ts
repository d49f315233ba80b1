/**
 * The kept graph seen through the clusters: each key's cluster, each
 * cluster's members and internal edges, and each key's degree inside and out.
 * One pass over the kept edges; the layout's other modules read from it.
 */
import { keyIndexOf, type Dataset } from '../aggregate/index.ts';
import { EVIDENCE_TYPES, type EvidenceType } from '../config/schema.ts';
import type { Linked } from '../link/index.ts';
import type { Cluster } from '../output/schemas.ts';

export interface GraphIndex {
  /** Index into `clusters` of each key, or −1. */
  clusterOf: Int32Array;
  /** Per cluster: member key indices, ascending. */
  members: Int32Array[];
  /** Per cluster: slots of kept edges with both ends in it, in (source, target) order. */
  internal: number[][];
  /** Per key: kept edges, and how many of them leave its cluster (all of them for an unclustered key). */
  degree: Int32Array;
  external: Int32Array;
}

export function indexGraph(data: Dataset, linked: Linked, clusters: Cluster[]): GraphIndex {
  const clusterOf = new Int32Array(data.keys.length).fill(-1);
  const members = clusters.map((c, ci) => {
    const m = Int32Array.from(c.members, (id) => keyIndexOf(data, id)).sort();
    for (const key of m) clusterOf[key] = ci;
    return m;
  });
  const internal: number[][] = clusters.map(() => []);
  const degree = new Int32Array(data.keys.length);
  const external = new Int32Array(data.keys.length);
  for (const slot of linked.kept) {
    const [i, j] = linked.store.endpoints(slot);
    degree[i]++;
    degree[j]++;
    if (clusterOf[i] >= 0 && clusterOf[i] === clusterOf[j]) internal[clusterOf[i]].push(slot);
    else {
      external[i]++;
      external[j]++;
    }
  }
  return { clusterOf, members, internal, degree, external };
}

/** Evidence types with weight on an edge, in EVIDENCE_TYPES order. */
export function edgeTypes(linked: Linked, slot: number): EvidenceType[] {
  return EVIDENCE_TYPES.filter((_, t) => linked.store.weights[t][slot] > 0);
}

/** Types as a bit mask (bit t = EVIDENCE_TYPES[t]). */
export function edgeTypeMask(linked: Linked, slot: number): number {
  let mask = 0;
  for (let t = 0; t < EVIDENCE_TYPES.length; t++) if (linked.store.weights[t][slot] > 0) mask |= 1 << t;
  return mask;
}

export function typesOfMask(mask: number): EvidenceType[] {
  return EVIDENCE_TYPES.filter((_, t) => (mask & (1 << t)) !== 0);
}
