/**
 * Re-creates the prompt sample a build mined templates from: reads
 * OUT/manifest.json for the build's inputs and resolved config, streams its
 * events files through the same ingest, and feeds a PromptSampler keyed, as
 * the build keys it, by the key id's position among all key ids sorted.
 * Bottom-k sampling does not depend on row order or key numbering, so keys
 * are numbered as first seen and renumbered at the end: one pass. Samples
 * are then ordered as the build orders them (src/prompts/index.ts).
 */
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ConfigSchema, type Config } from '../config/schema.ts';
import { readInput } from '../ingest/index.ts';
import { PromptSampler, type PromptSample } from '../templates/index.ts';
import { compareStrings } from '../util/compare.ts';
import { UserError } from '../util/errors.ts';
import { oneLine, readJson } from './read-json.ts';

/** The part of manifest.json read here. */
const ManifestSchema = z.object({
  inputs: z.array(z.object({ path: z.string(), kind: z.enum(['events', 'accounts']) })),
  config: z.unknown(),
});

export interface BuildSample {
  config: Config;
  samples: PromptSample[];
}

export async function sampleBuildPrompts(outDir: string): Promise<BuildSample> {
  const path = join(outDir, 'manifest.json');
  const manifest = await readJson(path, ManifestSchema, `run "sybilscope build --out ${outDir}" first`);
  const parsed = ConfigSchema.safeParse(manifest.config);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UserError('E_EVAL_INPUT', `${path}: config.${issue.path.join('.')}: ${oneLine(issue.message)} (not a manifest this sybilscope version writes)`);
  }
  const config = parsed.data;
  const sampler = new PromptSampler(config.templates.maxPromptsPerKey, config.templates.seed, config.templates.maxPrompts);
  const ids = new Map<string, number>();
  const sink = {
    event: (e: { key_id: string; prompt: string | null; timestamp: number }) => {
      if (e.prompt === null) return;
      let k = ids.get(e.key_id);
      if (k === undefined) ids.set(e.key_id, (k = ids.size));
      sampler.add(k, e.prompt, e.timestamp);
    },
    reject: () => {},
  };
  for (const input of manifest.inputs) {
    if (input.kind !== 'events') continue;
    try {
      await access(input.path);
    } catch {
      throw new UserError('E_EVAL_INPUT', `${input.path}: not found (an events file listed in ${path}); run the evaluation where the build ran`);
    }
    try {
      await readInput(input.path, 'events', { ...config.ingest, columns: config.columns.events }, sink);
    } catch (err) {
      if (err instanceof UserError) throw new UserError('E_EVAL_INPUT', oneLine(err.message));
      throw err;
    }
  }
  // Renumber keys by sorted id, then order as the build does (src/prompts): by key, prompt text, timestamp.
  const order = [...ids.keys()].sort(compareStrings);
  const renumber = new Int32Array(ids.size);
  order.forEach((id, i) => (renumber[ids.get(id)!] = i));
  const samples = sampler.samples().map((s) => ({ ...s, key: renumber[s.key]! }));
  samples.sort((a, b) => a.key - b.key || compareStrings(a.prompt, b.prompt) || a.timestamp - b.timestamp);
  return { config, samples };
}
