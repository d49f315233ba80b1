/**
 * The report stage: from a build's output folder to OUT/reports/ (replaced
 * atomically): index.html, and per selected cluster an HTML, Markdown, JSON
 * and members-CSV document and a STIX 2.1 bundle; GEXF and GraphML of the
 * selected clusters; PDFs on request. File names come from cluster ids only
 * (checked against CLUSTER_ID), never from log content.
 */
import { join } from 'node:path';
import { exportEdge, type ExportEdge, type ExportNode } from '../export/graph-data.ts';
import { toGexf } from '../export/gexf.ts';
import { graphmlLines } from '../export/graphml.ts';
import { stixBundle } from '../export/stix.ts';
import { CLUSTER_ID } from '../layout/schema.ts';
import { AtomicDir } from '../output/atomic-dir.ts';
import type { Cluster } from '../output/schemas.ts';
import { readKeyHours, type KeyHours } from './account-timeline.ts';
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

/** Files being written at once. */
const MAX_WRITES_IN_FLIGHT = 32;

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
  const graphEdges: ExportEdge[] = [];
  const scan = await scanEdges(options.dir, wanted, graphKeys, (e) => graphEdges.push(exportEdge(e)));

  let keyHours: KeyHours | null = null;
  if (options.byAccount && selected.length > 0) {
    progress?.stage('events', 0);
    keyHours = await readKeyHours(run.manifest, new Set(selected.flatMap((c) => c.members)));
  }

  const path = join(options.dir, 'reports');
  const dir = await AtomicDir.create(path);
  const files: string[] = [];
  // Writes overlap with rendering (a few dozen in flight): a batch is thousands of small files.
  const inflight = new Set<Promise<void>>();
  let failure: unknown = null;
  const write = async (name: string, content: string) => {
    files.push(name);
    const p: Promise<void> = dir.write(name, content).then(
      () => void inflight.delete(p),
      (error) => {
        inflight.delete(p);
        failure ??= error;
      },
    );
    inflight.add(p);
    if (inflight.size >= MAX_WRITES_IN_FLIGHT) await Promise.race(inflight);
    if (failure !== null) throw failure;
  };
  try {
    const nodes: ExportNode[] = [];
    const pdfJobs: PdfJob[] = [];
    progress?.stage('reports', selected.length);
    for (let i = 0; i < selected.length; i++) {
      const cluster = selected[i];
      if (!CLUSTER_ID.test(cluster.id)) throw new Error(`cluster id ${JSON.stringify(cluster.id)} is not c_ + 10 hex digits; refusing to use it as a file name`);
      const view = await loadClusterView(options.dir, cluster.id);
      const report = clusterReport({ cluster, view, examples: run.examples, inputAccounts: scan.inputAccounts, footer, keyHours });
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
      const graph = { nodes, edges: graphEdges };
      if (formats.gexf) await write('graph.gexf', toGexf(graph));
      if (formats.graphml) {
        const lines = dir.lines('graph.graphml');
        for (const line of graphmlLines(graph)) lines.line(line);
        await lines.close();
        files.push('graph.graphml');
      }
    }
    await Promise.all(inflight);
    if (failure !== null) throw failure;
    if (pdfJobs.length > 0) {
      progress?.stage('pdf', pdfJobs.length);
      await renderPdfs(pdfJobs, options.chromium, (done) => progress?.step(done));
      for (const job of pdfJobs) files.push(job.pdf.slice(dir.path.length + 1));
    }
    await dir.commit();
  } catch (error) {
    await Promise.allSettled(inflight);
    await dir.abort();
    throw error;
  }
  return { total: run.clusters.length, clusters: selected, files: files.sort(), path };
}
