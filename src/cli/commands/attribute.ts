/** `sybilscope attribute`: attribute a finished build's clusters to the actors of an actors file. */
import { z } from 'zod';
import { loadActors } from '../../attribute/index.ts';
import { attributeBuild } from '../../attribute/rerun.ts';
import type { Command } from '../command.ts';
import { createProgress } from '../progress.ts';
import { attributionTable } from '../table.ts';

export const AttributeCommandSchema = z
  .object({
    dir: z.string().min(1).describe('a build’s output folder; rebuilt from its manifest with attribution (atomically)'),
    actors: z.string().min(1).describe('actors file (JSON or YAML); see docs/attribution.md'),
    quiet: z.boolean().default(false).describe('no progress and no table'),
  })
  .strict();

export const attributeCommand: Command<typeof AttributeCommandSchema> = {
  name: 'attribute',
  summary: 'attribute a build’s clusters to known actors (indicators in an actors file); writes attribution into OUT',
  usage: 'sybilscope attribute DIR --actors FILE',
  schema: AttributeCommandSchema,
  positional: 'dir',
  async run(options, io) {
    const actors = await loadActors(options.actors);
    const progress = options.quiet ? undefined : createProgress(io);
    const result = await attributeBuild(options.dir, actors, progress);
    progress?.done();
    if (!options.quiet) io.stdout(attributionTable(result.clusters));
    return 0;
  },
};
