/**
 * A read-only graph over an edge list, shaped for graphology-communities-louvain
 * 2.0.2 (pinned). That Louvain copies its input into its own typed-array index
 * (graphology-indices' UndirectedLouvainIndex) and reads the graph only
 * through `type`, `multi`, `order`, `size`, `selfLoopCount`, `forEachNode`,
 * `undirectedDegreeWithoutSelfLoops` and `forEachEdge` (plus the duck-type
 * check of graphology-utils' isGraph). A graphology `Graph` built edge by edge
 * costs 315–420 bytes and 15–45 µs an edge however it is fed (a key string,
 * an EdgeData, an attributes object and two adjacency entries), which at 11M
 * edges is minutes and 3.7 GB for a structure Louvain reads once; this view
 * costs a degree array. See docs/scale.md, "Graph construction and Louvain".
 *
 * Order is what makes the result the same: nodes are the indices with at
 * least one edge, ascending, and edges come in list order, exactly as a
 * `Graph` iterates them after `addNode` in ascending order and
 * `addUndirectedEdge` in list order; the Louvain index is built in that order
 * and the algorithm never looks at a key. Edge keys are list positions, so a
 * weight getter reads `weight[edge]`. A method Louvain starts to call in a
 * later version is missing here and fails loudly; the tests compare this view
 * with a real `Graph`.
 */
import type { EdgeList } from './edge-list.ts';

const NO_ATTRIBUTES: Readonly<Record<string, never>> = Object.freeze({});

type NodeCallback = (node: number, attributes: Readonly<Record<string, never>>) => void;
type EdgeCallback = (
  edge: number,
  attributes: Readonly<Record<string, never>>,
  source: number,
  target: number,
  sourceAttributes: Readonly<Record<string, never>>,
  targetAttributes: Readonly<Record<string, never>>,
  undirected: boolean,
) => void;

export class LouvainGraph {
  readonly type = 'undirected';
  readonly multi = false;
  readonly selfLoopCount = 0;
  /** Nodes with at least one edge. */
  readonly order: number;
  readonly size: number;
  readonly degree: Int32Array;

  /** `edges` must be simple: no self-loop, no pair twice. */
  constructor(
    nodes: number,
    readonly edges: EdgeList,
  ) {
    this.degree = new Int32Array(nodes);
    const { source, target } = edges;
    for (let e = 0; e < source.length; e++) {
      this.degree[source[e]]++;
      this.degree[target[e]]++;
    }
    let order = 0;
    for (let i = 0; i < nodes; i++) if (this.degree[i] > 0) order++;
    this.order = order;
    this.size = source.length;
  }

  forEachNode(callback: NodeCallback): void {
    for (let i = 0; i < this.degree.length; i++) if (this.degree[i] > 0) callback(i, NO_ATTRIBUTES);
  }

  undirectedDegreeWithoutSelfLoops(node: number): number {
    return this.degree[node];
  }

  forEachEdge(callback: EdgeCallback): void {
    const { source, target } = this.edges;
    for (let e = 0; e < source.length; e++) callback(e, NO_ATTRIBUTES, source[e], target[e], NO_ATTRIBUTES, NO_ATTRIBUTES, true);
  }

  /** Present for isGraph's duck-type check; the view is read-only. */
  addUndirectedEdgeWithKey(): never {
    throw new Error('LouvainGraph is read-only');
  }

  dropNode(): never {
    throw new Error('LouvainGraph is read-only');
  }
}
