/**
 * `sybilscope attribute OUT --actors FILE`: attribution of a finished build.
 * Matching needs every key's values (IPs, cards, user agents, templates),
 * which OUT holds only for clustered keys and only in part (edges.jsonl keeps
 * the rarest few shared values per edge), and the rarity of a value is
 * counted over the whole input. So the build is re-run from its manifest:
 * the same inputs (their SHA-256 checked, or nothing is replaced), resolved
 * config and seed, with the actors file, and with OUT itself as the previous
 * run so every cluster keeps its id and OUT's changes.json is carried over.
 * Every file of OUT is rewritten together and swapped in atomically, so
 * clusters.json, the view files and attribution.json cannot disagree;
 * reports made before (OUT/reports/) are removed with the old folder, since
 * they would lack the attribution.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { ConfigSchema } from '../config/schema.ts';
import { oneLine, readJson } from '../evaluate/read-json.ts';
import { build, defaultWorkers, type BuildResult, type Progress } from '../pipeline.ts';
import { loadPrevious } from '../track/index.ts';
import { UserError } from '../util/errors.ts';
import type { LoadedActors } from './load-actors.ts';

const ManifestSchema = z.object({
  seed: z.number().int(),
  config_file: z.string().nullable(),
  inputs: z.array(z.object({ path: z.string(), kind: z.enum(['events', 'accounts']), bytes: z.number(), sha256: z.string() })),
  config: z.unknown(),
});

export async function attributeBuild(out: string, actors: LoadedActors, progress?: Progress): Promise<BuildResult> {
  const path = join(out, 'manifest.json');
  const manifest = await readJson(path, ManifestSchema, `run "sybilscope build --out ${out}" first`);
  const parsed = ConfigSchema.safeParse(manifest.config);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UserError('E_ATTRIBUTE_INPUT', `${path}: config.${issue.path.join('.')}: ${oneLine(issue.message)} (not a manifest this sybilscope version writes)`);
  }
  const previous = await loadPrevious(out);
  return build(
    {
      events: manifest.inputs.filter((i) => i.kind === 'events').map((i) => i.path),
      accounts: manifest.inputs.filter((i) => i.kind === 'accounts').map((i) => i.path),
      config: parsed.data,
      configFile: manifest.config_file,
      seed: manifest.seed,
      workers: defaultWorkers(),
      out,
      actors,
      previous,
      carryChanges: true,
      // build reads accounts first, then events: the manifest lists them in that order.
      expectInputs: manifest.inputs,
    },
    progress,
  );
}
