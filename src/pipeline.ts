/**
 * The build, stage by stage: ingest → aggregate → templates → link →
 * cluster → score → track (with --previous) → attribute (with --actors) →
 * layout → write. Each stage lives in its own folder; this file only wires
 * them and times them.
 */
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Aggregator, type Dataset } from './aggregate/index.ts';
import { attribute, type LoadedActors } from './attribute/index.ts';
import { clusterEdges, keptEdges } from './cluster/index.ts';
import { supportedMembers } from './cluster/support.ts';
import type { Config } from './config/schema.ts';
import { IngestPool, isPlainText, mergeParts, readInput } from './ingest/index.ts';
import { layoutOnCores } from './layout/index.ts';
import { link } from './link/index.ts';
import type { AccountRecord, EventRecord, FileStats, InputKind, Rejection } from './model.ts';
import { PromptStage } from './prompts/index.ts';
import { rejectionRecord } from './output/rejections.ts';
import { templatesFile } from './output/templates-file.ts';
import { AtomicDir } from './output/atomic-dir.ts';
import { describeInput, digestedInput, manifest, type InputEntry } from './output/manifest.ts';
import type { Cluster } from './output/schemas.ts';
import { buildSummary } from './output/summary.ts';
import { clusterOfKey, json, writeAssignments, writeClusters, writeEdges, writeGraph } from './output/write-build.ts';
import { writeView } from './output/write-view.ts';
import { scoreClusters } from './score/index.ts';
import { readClickHouse, type ClickHouseSource } from './source/clickhouse/index.ts';
import { trackClusters, type PreviousRun } from './track/index.ts';
import { UserError } from './util/errors.ts';
import { compareStrings } from './util/compare.ts';

export interface BuildOptions {
  events: string[];
  accounts: string[];
  config: Config;
  configFile: string | null;
  seed: number;
  /**
   * Worker threads the heavy stages may use (parsing and validation, template
   * mining, projection). Outputs are byte-identical for any value; 1 (the
   * default) runs everything on the calling thread.
   */
  workers?: number;
  out: string;
  /** Known actors to attribute clusters to (--actors). */
  actors?: LoadedActors | null;
  /** The previous run to keep cluster ids from and compare with (--previous). */
  previous?: PreviousRun | null;
  /**
   * Re-running a build to attribute it (`sybilscope attribute`): `previous` is
   * the build itself, so every cluster keeps its id, and its changes.json and
   * per-cluster changes are carried over rather than recomputed.
   */
  carryChanges?: boolean;
  /** Read the events (and accounts) from ClickHouse instead of files (`events`, `accounts` unused); see docs/clickhouse.md. */
  source?: ClickHouseSource | null;
  /** Inputs the build must find unchanged (their SHA-256), or it fails before replacing `out`. */
  expectInputs?: InputEntry[];
}

export interface Progress {
  stage(name: string): void;
  rows(read: number): void;
}

export interface BuildResult {
  clusters: Cluster[];
  summary: ReturnType<typeof buildSummary>;
}

/** One worker per core the process may use. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

export const STAGES = ['ingest', 'aggregate', 'templates', 'link', 'cluster', 'score', 'track', 'attribute', 'layout', 'write'] as const;

/** Read every input into the aggregator and the prompt sample; rejected rows stream to rejected.jsonl. */
async function ingest(options: BuildOptions, aggregator: Aggregator, prompts: PromptStage | null, dir: AtomicDir, progress?: Progress) {
  const { config } = options;
  const rejected = dir.lines('rejected.jsonl');
  const files: FileStats[] = [];
  const inputs: InputEntry[] = [];
  let rowsRead = 0;
  const sink = {
    event: (e: EventRecord, promptHash?: number) => {
      const seq = aggregator.addEvent(e);
      if (prompts !== null && e.prompt !== null) prompts.add(seq, e.prompt, e.timestamp, promptHash);
      if (++rowsRead % 50_000 === 0) progress?.rows(rowsRead);
    },
    account: (a: AccountRecord) => aggregator.addAccount(a),
    reject: (r: Rejection) => rejected.line(JSON.stringify(rejectionRecord(r, config.templates.privacy))),
    aggregated: (rows: number) => {
      const before = rowsRead;
      rowsRead += rows;
      if (Math.floor(rowsRead / 50_000) > Math.floor(before / 50_000)) progress?.rows(rowsRead);
    },
  };
  // With --workers N, N threads parse, validate and aggregate events, each into an aggregate and
  // prompt sample of its own, merged here at the end; this thread only cuts the input into pieces
  // and writes rejections. --workers 1 reads on this thread, with no pool at all.
  const workers = options.workers ?? 1;
  const pool = workers > 1 ? new IngestPool(workers) : null;
  const aggregate = { windowMs: aggregator.windowMs, templates: prompts === null ? null : config.templates };
  const read = async (file: string, kind: InputKind) => {
    // A plain JSONL or CSV file read by the pool is hashed by this thread as it reads it; any other
    // input on a worker thread meanwhile, reading it a second time.
    const digest = pool !== null && (await isPlainText(file)) ? { hash: createHash('sha256'), complete: false } : undefined;
    const described = digest ? null : describeInput(file, kind);
    described?.catch(() => {}); // a missing file is reported by readInput
    files.push(await readInput(file, kind, { ...config.ingest, columns: config.columns[kind], aggregate }, sink, pool, digest));
    inputs.push(digest ? await digestedInput(file, kind, digest) : await described!);
  };
  try {
    for (const file of options.accounts) await read(file, 'accounts');
    for (const file of options.events) await read(file, 'events');
    if (pool !== null) mergeParts(await pool.collect(), aggregator, prompts);
  } finally {
    await pool?.close();
  }
  await rejected.close();
  return { files, inputs };
}

export async function build(options: BuildOptions, progress?: Progress): Promise<BuildResult> {
  const { config } = options;
  const timings: Record<string, number> = {};
  let clock = performance.now();
  const stage = (name: (typeof STAGES)[number]) => {
    const now = performance.now();
    timings[name] = Math.round(now - clock);
    clock = now;
  };
  const dir = await AtomicDir.create(options.out);
  try {
    progress?.stage('ingest');
    const aggregator = new Aggregator(config.coactivity.windowMinutes * 60_000);
    const prompts = config.templates.enabled ? new PromptStage(config.templates, options.workers) : null;
    const { files, inputs } = options.source
      ? { ...(await readClickHouse(options.source, config, aggregator, prompts, dir, progress)), inputs: [] }
      : await ingest(options, aggregator, prompts, dir, progress);
    stage('ingest');

    progress?.stage('aggregate');
    const data: Dataset = aggregator.finalize();
    stage('aggregate');

    // With workers, the miner runs on a thread of its own while this thread builds link's value
    // tables of the other types (link returns once it needs the templates): `templates` is then
    // the time until both are done, and `link` the rest.
    progress?.stage('templates');
    const mining = prompts?.finish(data) ?? Promise.resolve(null);
    const overlap = (options.workers ?? 1) > 1;
    const linking = overlap ? link(data, config, mining, options.workers) : null;
    linking?.catch(() => {}); // awaited below; this only keeps a failure while waiting for the miner from counting as unhandled
    const templates = await mining;
    stage('templates');

    progress?.stage('link');
    const linked = await (linking ?? link(data, config, templates, options.workers));
    stage('link');

    progress?.stage('cluster');
    const edges = keptEdges(linked.store, linked.kept);
    const refine = (members: number[]) => supportedMembers(members, data, linked.tables, config.cluster.minSupport);
    const clustering = clusterEdges(data.keys.length, edges, config, options.seed, refine);
    stage('cluster');

    progress?.stage('score');
    const clusters = scoreClusters(clustering.clusters, data, linked.tables, config, templates);
    stage('score');

    let changes: unknown = null;
    if (options.previous) {
      progress?.stage('track');
      changes = track(clusters, options.previous, options.carryChanges === true);
      stage('track');
    }

    let attribution: unknown = null;
    if (options.actors) {
      progress?.stage('attribute');
      const result = attribute({ actors: options.actors, clusters, data, linked, templates });
      clusters.forEach((c, i) => {
        c.attribution = result.clusters[i].attribution;
        c.candidates = result.clusters[i].candidates;
      });
      attribution = result.file;
      stage('attribute');
    }

    progress?.stage('layout');
    // With workers, the clusters' ForceAtlas2 runs on them while this thread builds the rest of
    // the view and then writes the build's other files: `layout` times this thread's share, and
    // `write` includes any wait for the layout threads.
    const viewing = layoutOnCores({ data, linked, clusters, templates, config, seed: options.seed }, options.workers ?? 1);
    viewing.catch(() => {}); // awaited below; this only keeps a failure during the writes from counting as unhandled
    stage('layout');

    progress?.stage('write');
    const clusterOf = clusterOfKey(data, clusters);
    await writeClusters(dir, clusters);
    await writeAssignments(dir, data, clusterOf);
    await writeEdges(dir, data, linked, clusterOf, config.projection.maxEvidenceValues);
    await writeGraph(dir, data, linked, clusterOf);
    if (templates !== null) await dir.write('templates.json', json(templatesFile(templates, data, linked, config.templates)));
    await writeView(dir, await viewing);
    if (changes !== null) await dir.write('changes.json', json(changes));
    if (attribution !== null) await dir.write('attribution.json', json(attribution));
    await dir.write('manifest.json', json(manifest(inputs, config, options.seed, options.configFile)));
    if (options.expectInputs) checkInputs(options.expectInputs, inputs);
    stage('write');
    const summary = buildSummary({ files, data, linked, clustering, clusters, timings });
    await dir.write('summary.json', json(summary));
    await dir.commit();
    return { clusters, summary };
  } catch (error) {
    await dir.abort();
    throw error;
  }
}

/**
 * Ids from the previous run where clusters continue (src/track), then the
 * ranking again, since ties in risk are ordered by id. Returns changes.json.
 */
function track(clusters: Cluster[], previous: PreviousRun, carry: boolean): unknown {
  const result = trackClusters(clusters, previous.clusters, previous.name);
  const carried = carry ? carriedChanges(previous) : null;
  clusters.forEach((c, i) => {
    c.id = result.ids[i];
    c.change = carried === null ? result.changes[i] : carried.get(c.id);
  });
  clusters.sort((a, b) => b.risk - a.risk || compareStrings(a.id, b.id));
  clusters.forEach((c, i) => (c.rank = i + 1));
  return carry ? previous.changes : result.file;
}

/** Per-cluster changes of the build being re-run (absent when it had no --previous). */
function carriedChanges(previous: PreviousRun): Map<string, Cluster['change']> {
  return new Map(previous.clusters.map((c) => [c.id, c.change]));
}

function checkInputs(expected: InputEntry[], found: InputEntry[]): void {
  expected.forEach((e, i) => {
    const f = found[i];
    if (f === undefined || f.sha256 !== e.sha256)
      throw new UserError('E_INPUT_CHANGED', `${e.path}: the input changed since the build (SHA-256 differs); build again instead`);
  });
}
