/**
 * The layout stage: what the viewer loads, computed at build time — the
 * overview of clusters (ForceAtlas2 over the links between them), one file per
 * cluster (its keys placed by ForceAtlas2, its strongest edges with their
 * evidence, its detail panels) and the search index. Schemas in schema.ts.
 */
import type { Dataset } from '../aggregate/index.ts';
import type { Config } from '../config/schema.ts';
import type { Linked } from '../link/index.ts';
import type { KeyTemplates } from '../prompts/index.ts';
import type { Cluster } from '../output/schemas.ts';
import { clusterGraphs, placeGraphs, placeGraphsOnCores } from './cluster-positions.ts';
import { clusterView } from './cluster-view.ts';
import type { ForceGraph } from './force-batch.ts';
import { placeAt } from './force.ts';
import { indexGraph, type GraphIndex } from './graph-index.ts';
import { overviewFile, overviewGraph, overviewLinks } from './overview.ts';
import type { ClusterFile, OverviewFile, OverviewLink, SearchFile } from './schema.ts';
import { searchFile } from './search.ts';

export * from './schema.ts';
export { MAX_CLUSTER_EDGES } from './cluster-edges.ts';

export interface LayoutInput {
  data: Dataset;
  linked: Linked;
  clusters: Cluster[];
  templates: KeyTemplates | null;
  config: Config;
  seed: number;
  /** Edges per cluster file. @default MAX_CLUSTER_EDGES */
  maxEdges?: number;
}

export interface ViewFiles {
  overview: OverviewFile;
  /** Same order as the clusters (by rank). */
  clusters: ClusterFile[];
  search: SearchFile;
}

export function layout(input: LayoutInput): ViewFiles {
  const prepared = prepare(input);
  const positions = placeGraphs(prepared.graphs);
  return placed(unplaced(input, prepared), positions);
}

/**
 * The same files, with ForceAtlas2 (the clusters' and the overview's) on
 * `workers` threads. All the rest is built on this thread before the promise
 * is returned (an async function runs synchronously up to its first await),
 * so the caller can go on with other work — the build writes its other files
 * — while the threads run.
 */
export async function layoutOnCores(input: LayoutInput, workers: number): Promise<ViewFiles> {
  if (workers <= 1) return layout(input);
  const prepared = prepare(input);
  const placing = placeGraphsOnCores(prepared.graphs, workers);
  const view = unplaced(input, prepared);
  return placed(view, await placing);
}

interface Prepared {
  index: GraphIndex;
  links: OverviewLink[];
  /** Each cluster's graph, then the overview's. */
  graphs: ForceGraph[];
}

function prepare({ data, linked, clusters, config, seed }: LayoutInput): Prepared {
  const index = indexGraph(data, linked, clusters);
  const links = overviewLinks(linked, clusters, index, config);
  return { index, links, graphs: [...clusterGraphs(clusters, index, linked, seed), overviewGraph(clusters, links, seed)] };
}

/** The view files with every node at 0, 0. */
function unplaced({ data, linked, clusters, templates, config, seed, maxEdges }: LayoutInput, { index, links }: Prepared): ViewFiles {
  const ctx = { data, linked, templates, index, maxValues: config.projection.maxEvidenceValues, maxEdges };
  const files = clusters.map((c, i) => clusterView(c, i, ctx));
  return { overview: overviewFile(data, linked, clusters, links, seed, config), clusters: files, search: searchFile(files) };
}

/** Nodes put at the positions of `prepare`'s graphs, in its order. */
function placed(view: ViewFiles, positions: Float64Array[]): ViewFiles {
  view.clusters.forEach((file, i) => placeAt(file.nodes, positions[i]));
  placeAt(view.overview.nodes, positions[view.clusters.length]);
  return view;
}
