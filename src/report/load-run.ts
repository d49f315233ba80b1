/**
 * Read a build's output folder for reporting: clusters.json, manifest.json,
 * templates.json (when templates were mined), view/overview.json, and each
 * cluster's view file on demand. Every file is checked against its schema; a
 * missing or invalid one is a user error (exit 1), not a stack trace.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { CLUSTER_ID, ClusterFileSchema, OverviewFileSchema, type ClusterFile, type RunFacts } from '../layout/schema.ts';
import { ClustersFileSchema, type Cluster } from '../output/schemas.ts';
import { UserError } from '../util/errors.ts';

/** The part of manifest.json a report shows in its footer. */
export const BuildManifestSchema = z.object({
  version: z.string(),
  output_version: z.number().int(),
  seed: z.number().int(),
  config_file: z.string().nullable(),
  inputs: z.array(z.object({ path: z.string(), kind: z.string(), bytes: z.number().int(), sha256: z.string() })),
  config: z.object({ templates: z.object({ privacy: z.boolean() }).partial().optional() }).loose(),
});
export type BuildManifest = z.infer<typeof BuildManifestSchema>;

const TemplatesFileSchema = z.object({
  privacy: z.boolean(),
  templates: z.array(z.object({ id: z.string(), examples: z.array(z.string()).optional() })),
});

export interface LoadedRun {
  dir: string;
  /** By rank. */
  clusters: Cluster[];
  manifest: BuildManifest;
  run: RunFacts;
  /** The build ran with templates.privacy (manifest, templates.json or view say so). */
  privacy: boolean;
  /** Example fillings by template id (empty with privacy). */
  examples: Map<string, string[]>;
}

async function readValue(dir: string, name: string, required: boolean): Promise<unknown> {
  const path = join(dir, name);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    if (!required) return undefined;
    throw new UserError('E_OUT', `${path} is missing; is ${dir} a build's output folder? (run sybilscope build --out ${dir})`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new UserError('E_OUT', `${path} is not valid JSON; rebuild with sybilscope build`);
  }
}

function check<T>(dir: string, name: string, schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new UserError('E_OUT', `${join(dir, name)}: ${issue.path.join('.') || 'file'} ${issue.message}; rebuild with sybilscope build`);
}

async function readJson<T>(dir: string, name: string, schema: z.ZodType<T>): Promise<T> {
  return check(dir, name, schema, await readValue(dir, name, true));
}

export async function loadRun(dir: string): Promise<LoadedRun> {
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw new UserError('E_OUT', `${dir} is not a folder; give a build's output folder (sybilscope build --out DIR)`);
  const clustersFile = await readJson(dir, 'clusters.json', ClustersFileSchema);
  const manifest = await readJson(dir, 'manifest.json', BuildManifestSchema);
  const overview = await readJson(dir, 'view/overview.json', OverviewFileSchema);
  const templatesValue = await readValue(dir, 'templates.json', false);
  const templates = templatesValue === undefined ? null : check(dir, 'templates.json', TemplatesFileSchema, templatesValue);
  for (const c of clustersFile.clusters)
    if (!CLUSTER_ID.test(c.id)) throw new UserError('E_OUT', `${join(dir, 'clusters.json')}: cluster id ${JSON.stringify(c.id.slice(0, 40))} is not c_ + 10 hex digits`);
  const privacy = manifest.config.templates?.privacy === true || templates?.privacy === true || overview.run.privacy;
  const examples = new Map<string, string[]>();
  if (!privacy && templates) for (const t of templates.templates) if (t.examples?.length) examples.set(t.id, t.examples);
  const clusters = [...clustersFile.clusters].sort((a, b) => a.rank - b.rank);
  return { dir, clusters, manifest, run: overview.run, privacy, examples };
}

/** A cluster's view file (members, shared infrastructure, timeline, strongest edges). */
export async function loadClusterView(dir: string, id: string): Promise<ClusterFile> {
  if (!CLUSTER_ID.test(id)) throw new Error(`cluster id ${JSON.stringify(id)} is not c_ + 10 hex digits`);
  return readJson(dir, `view/clusters/${id}.json`, ClusterFileSchema);
}
