/**
 * The report stage: from a build's output folder to OUT/reports/ (replaced
 * atomically): index.html, and per selected cluster an HTML, Markdown, JSON
 * and members-CSV document and a STIX 2.1 bundle; GEXF and GraphML of the
 * selected clusters; PDFs on request. File names come from cluster ids only
 * (checked against CLUSTER_ID), never from log content.
 */
import { join } from 'node:path';
import { exportEdges, type ExportNode } from '../export/graph-data.ts';
import { toGexf } from '../export/gexf.ts';
import { toGraphml } from '../export/graphml.ts';
import { stixBundle } from '../export/stix.ts';
import { CLUSTER_ID } from '../layout/schema.ts';
import { AtomicDir } from '../output/atomic-dir.ts';
import type { Cluster } from '../output/schemas.ts';
import { clusterReport } from './cluster-report.ts';
import { loadClusterView, loadRun, type LoadedRun } from './load-run.ts';
import { membersCsv } from './members-csv.ts';
import type { ReportFormat, ReportOptions } from './options.ts';
import { renderPdfs, type PdfJob } from './pdf.ts';
import { renderClusterHtml } from './render-html.ts';
import { renderIndexHtml, type IndexFormats } from './render-index.ts';
import { renderClusterMarkdown } from './render-markdown.ts';
import { scanEdges, valueKey } from './scan-edges.ts';
import type { ManifestFooter } from './schema.ts';

export * from './options.ts';
export * from './schema.ts';
export { escapeHtml, html } from './html.ts';

export interface ReportProgress {
  stage(name: string, total: number): void;
  step(done: number): void;
}

export interface ReportResult {
  /** Clusters in the run, and those reported (by rank). */
  total: number;
  clusters: Cluster[];
  /** Files written under OUT/reports/, sorted. */
  files: string[];
  path: string;
}

const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';

export function selectClusters(clusters: Cluster[], top: number | undefined, minRisk: number): Cluster[] {
  const kept = clusters.filter((c) => c.risk >= minRisk);
  return top === undefined ? kept : kept.slice(0, top);
}

export function manifestFooter(run: LoadedRun, options: Pick<ReportOptions, 'top' | 'minRisk'>): ManifestFooter {
  const m = run.manifest;
  return {
    sybilscope_version: m.version,
    output_version: m.output_version,
    seed: m.seed,
    config_file: m.config_file,
    privacy: run.privacy,
    inputs: m.inputs,
    report: { top: options.top ?? null, min_risk: options.minRisk },
  };
}

export async function writeReports(options: ReportOptions, progress?: ReportProgress): Promise<ReportResult> {
  const run = await loadRun(options.dir);
  const selected = selectClusters(run.clusters, options.top, options.minRisk);
  const has = (f: ReportFormat) => options.format.includes(f);
  const formats: IndexFormats = { html: has('html'), md: has('md'), json: has('json'), csv: has('csv'), stix: has('stix'), gexf: has('gexf'), graphml: has('graphml'), pdf: options.pdf && has('html') };
  const footer = manifestFooter(run, options);

  // Input-wide account counts of the shared values, and the edges the graph exports need: one pass over edges.jsonl.
  const wanted = new Set<string>();
  for (const c of selected) for (const [type, values] of Object.entries(c.evidence)) for (const v of values) wanted.add(valueKey(type, v.value));
  const graphKeys = formats.gexf || formats.graphml ? new Set(selected.flatMap((c) => c.members)) : null;
  progress?.stage('edges', 0);
  const scan = await scanEdges(options.dir, wanted, graphKeys);

  const path = join(options.dir, 'reports');
  const dir = await AtomicDir.create(path);
  const files: string[] = [];
  const write = async (name: string, content: string) => {
    await dir.write(name, content);
    files.push(name);
  };
  try {
    const nodes: ExportNode[] = [];
    const pdfJobs: PdfJob[] = [];
    progress?.stage('reports', selected.length);
    for (let i = 0; i < selected.length; i++) {
      const cluster = selected[i];
      if (!CLUSTER_ID.test(cluster.id)) throw new Error(`cluster id ${JSON.stringify(cluster.id)} is not c_ + 10 hex digits; refusing to use it as a file name`);
      const view = await loadClusterView(options.dir, cluster.id);
      const report = clusterReport({ cluster, view, attribution: run.attribution.get(cluster.id), examples: run.examples, inputAccounts: scan.inputAccounts, footer });
      if (formats.html) await write(`${cluster.id}.html`, renderClusterHtml(report, formats));
      if (formats.md) await write(`${cluster.id}.md`, renderClusterMarkdown(report));
      if (formats.json) await write(`${cluster.id}.json`, json(report));
      if (formats.csv) await write(`${cluster.id}-members.csv`, membersCsv(report));
      if (formats.stix) await write(`${cluster.id}.stix.json`, json(stixBundle(report, run.run.last_seen)));
      if (graphKeys) for (const n of view.nodes) nodes.push({ id: n.id, cluster: cluster.id, rank: cluster.rank, risk: cluster.risk, account: n.account ?? '', requests: n.requests });
      if (formats.pdf) pdfJobs.push({ html: join(dir.path, `${cluster.id}.html`), pdf: join(dir.path, `${cluster.id}.pdf`) });
      progress?.step(i + 1);
    }
    await write('index.html', renderIndexHtml(selected, run.clusters.length, formats, footer));
    if (graphKeys) {
      const graph = { nodes, edges: exportEdges(scan.edges) };
      if (formats.gexf) await write('graph.gexf', toGexf(graph));
      if (formats.graphml) await write('graph.graphml', toGraphml(graph));
    }
    if (pdfJobs.length > 0) {
      progress?.stage('pdf', pdfJobs.length);
      await renderPdfs(pdfJobs, options.chromium, (done) => progress?.step(done));
      for (const job of pdfJobs) files.push(job.pdf.slice(dir.path.length + 1));
    }
    await dir.commit();
  } catch (error) {
    await dir.abort();
    throw error;
  }
  return { total: run.clusters.length, clusters: selected, files: files.sort(), path };
}
