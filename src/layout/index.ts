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
import { clusterView, placeNodes } from './cluster-view.ts';
import { indexGraph } from './graph-index.ts';
import { overviewFile, overviewGraph, overviewLinks, placeOverview } from './overview.ts';
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
  const { ctx, links, graphs } = prepare(input);
  const positions = placeGraphs(graphs);
  const files = input.clusters.map((c, i) => clusterView(c, i, ctx, positions[i]));
  return { overview: overview(input, links, positions[graphs.length - 1]), clusters: files, search: searchFile(files) };
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
  const { ctx, links, graphs } = prepare(input);
  const placing = placeGraphsOnCores(graphs, workers);
  const files = input.clusters.map((c, i) => clusterView(c, i, ctx, null));
  const view = { overview: overview(input, links, null), clusters: files, search: searchFile(files) };
  const positions = await placing;
  files.forEach((file, i) => placeNodes(file, positions[i]));
  placeOverview(view.overview, positions[graphs.length - 1]);
  return view;
}

/** What both need: the graph index, the links between clusters, and the graphs to lay out (each cluster's, then the overview's). */
function prepare({ data, linked, clusters, templates, config, seed, maxEdges }: LayoutInput) {
  const index = indexGraph(data, linked, clusters);
  const links = overviewLinks(linked, clusters, index, config);
  const graphs = [...clusterGraphs(clusters, index, linked, seed), overviewGraph(clusters, links, seed)];
  return { links, graphs, ctx: { data, linked, templates, index, maxValues: config.projection.maxEvidenceValues, maxEdges } };
}

function overview({ data, linked, clusters, seed, config }: LayoutInput, links: OverviewLink[], positions: Float64Array | null): OverviewFile {
  return overviewFile(data, linked, clusters, links, positions, seed, config);
}
