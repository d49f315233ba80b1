/** `sybilscope build`: logs in, ranked clusters out. */
import { z } from 'zod';
import { loadActors } from '../../attribute/index.ts';
import { loadConfig } from '../../config/load.ts';
import { build, defaultWorkers } from '../../pipeline.ts';
import { sourceOf } from '../../source/clickhouse/cli.ts';
import { loadPrevious } from '../../track/index.ts';
import type { Command } from '../command.ts';
import { createProgress } from '../progress.ts';
import { attributionTable, clusterTable } from '../table.ts';
import { fmtInt, plural } from '../../util/format.ts';

export const BuildOptionsSchema = z
  .object({
    events: z.array(z.string()).default([]).describe('events file: JSONL or CSV, plain or gzip, or Parquet (required unless --source clickhouse)'),
    accounts: z.array(z.string()).default([]).describe('accounts file: JSONL or CSV, plain or gzip, or Parquet'),
    config: z.string().optional().describe('config file (JSON); see the Config section of the README'),
    column: z.array(z.string()).default([]).describe('map a role to your column name: ROLE=COLUMN, e.g. key_id=api_key'),
    seed: z.number().int().min(0).default(1).describe('seed for Louvain’s random order'),
    workers: z
      .number()
      .int()
      .min(1)
      .max(64)
      .optional()
      .describe('worker threads for the heavy stages (default: one per core); the outputs are the same for any number'),
    resolution: z.number().positive().optional().describe('Louvain resolution (overrides the config)'),
    minSize: z.number().int().min(2).optional().describe('smallest cluster reported, in keys (overrides the config)'),
    privacy: z.boolean().default(false).describe('keep only template texts and hashes in the outputs, no prompt fillings (overrides the config)'),
    actors: z.string().optional().describe('actors file (JSON or YAML): attribute clusters to known groups; see docs/attribution.md'),
    previous: z.string().optional().describe('output folder of an earlier build: keep the ids of clusters that continue and write changes.json'),
    source: z.enum(['files', 'clickhouse']).default('files').describe('where the events are: files (--events) or ClickHouse tables (see docs/clickhouse.md)'),
    clickhouseUrl: z.string().optional().describe('ClickHouse HTTP(S) URL, e.g. http://127.0.0.1:8123; user and password only from SYBILSCOPE_CLICKHOUSE_USER and SYBILSCOPE_CLICKHOUSE_PASSWORD'),
    database: z.string().optional().describe('ClickHouse database of the tables'),
    eventsTable: z.string().optional().describe('ClickHouse events table (on a cluster, the Distributed table)'),
    accountsTable: z.string().optional().describe('ClickHouse accounts table'),
    clickhouseRowId: z.string().optional().describe('column that identifies a row, written as line in rejected.jsonl'),
    out: z.string().min(1).default('out').describe('output folder, replaced atomically'),
    top: z.number().int().min(0).default(10).describe('clusters shown in the closing table'),
    quiet: z.boolean().default(false).describe('no progress and no table'),
  })
  .strict();

export type BuildCliOptions = z.infer<typeof BuildOptionsSchema>;

export const buildCommand: Command<typeof BuildOptionsSchema> = {
  name: 'build',
  summary: 'link API keys by shared evidence, cluster them and rank the clusters by risk',
  usage: 'sybilscope build (--events FILE... [--accounts FILE...] | --source clickhouse --clickhouse-url URL --database DB --events-table T [--accounts-table A]) [--config FILE] [--seed N] [--actors FILE] [--previous DIR] --out DIR',
  schema: BuildOptionsSchema,
  async run(options, io) {
    const cluster: Record<string, number> = {};
    if (options.resolution !== undefined) cluster.resolution = options.resolution;
    if (options.minSize !== undefined) cluster.minSize = options.minSize;
    const source = sourceOf(options);
    const config = await loadConfig(options.config, options.column, { cluster, ...(options.privacy ? { templates: { privacy: true } } : {}) });
    const actors = options.actors === undefined ? null : await loadActors(options.actors);
    const previous = options.previous === undefined ? null : await loadPrevious(options.previous);
    const progress = options.quiet ? undefined : createProgress(io);
    const result = await build(
      {
        events: options.events,
        accounts: options.accounts,
        config,
        configFile: options.config ?? null,
        seed: options.seed,
        workers: options.workers ?? defaultWorkers(),
        out: options.out,
        actors,
        previous,
        source,
      },
      progress,
    );
    progress?.done();
    if (!options.quiet) {
      const { rows, keys, edges, clustering } = result.summary;
      io.stdout(
        `${plural(rows.total.read, 'row')} read: ${fmtInt(rows.total.accepted)} accepted, ${fmtInt(rows.total.rejected)} rejected, ${fmtInt(rows.total.blank)} blank · ` +
          `${plural(keys, 'key')} · ${plural(edges.kept, 'edge')} · ${plural(clustering.clusters, 'cluster')} → ${options.out}\n`,
      );
      io.stdout(clusterTable(result.clusters, options.top));
      if (previous) {
        const count = (status: string) => result.clusters.filter((c) => c.change?.status === status).length;
        io.stdout(`since ${options.previous}: ${count('continued')} clusters continued, ${count('new')} new (changes.json)\n`);
      }
      if (actors) io.stdout(attributionTable(result.clusters));
    }
    return 0;
  },
};
