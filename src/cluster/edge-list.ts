/**
 * The kept key–key edges as parallel typed arrays: edge e joins source[e]
 * and target[e] with weight weight[e]. 16 bytes an edge, against ~80 for an
 * array of [a, b] pairs and a number array of weights.
 */
export interface EdgeList {
  readonly source: Int32Array;
  readonly target: Int32Array;
  readonly weight: Float64Array;
}

/** An edge list from [a, b] pairs and their weights. */
export function edgeList(pairs: ReadonlyArray<readonly [number, number]>, weights: ArrayLike<number>): EdgeList {
  const source = new Int32Array(pairs.length);
  const target = new Int32Array(pairs.length);
  const weight = new Float64Array(pairs.length);
  pairs.forEach(([a, b], e) => {
    source[e] = a;
    target[e] = b;
    weight[e] = weights[e];
  });
  return { source, target, weight };
}

/** The store's edges at `slots`, in that order, each weighing its total over evidence types. */
export function keptEdges(
  store: { readonly source: Int32Array; readonly target: Int32Array; total(slot: number): number },
  slots: readonly number[],
): EdgeList {
  const source = new Int32Array(slots.length);
  const target = new Int32Array(slots.length);
  const weight = new Float64Array(slots.length);
  for (let e = 0; e < slots.length; e++) {
    const s = slots[e];
    source[e] = store.source[s];
    target[e] = store.target[s];
    weight[e] = store.total(s);
  }
  return { source, target, weight };
}
