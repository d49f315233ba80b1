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
import { clusterView } from './cluster-view.ts';
import { indexGraph } from './graph-index.ts';
import { overviewFile } from './overview.ts';
import type { ClusterFile, OverviewFile, SearchFile } from './schema.ts';
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

export function layout({ data, linked, clusters, templates, config, seed, maxEdges }: LayoutInput): ViewFiles {
  const index = indexGraph(data, linked, clusters);
  const overview = overviewFile(data, linked, clusters, index, seed, config);
  const ctx = { data, linked, templates, index, seed, maxValues: config.projection.maxEvidenceValues, maxEdges };
  const files = clusters.map((c, i) => clusterView(c, i, ctx));
  return { overview, clusters: files, search: searchFile(files) };
}
