/** The previous run's clusters (ids and members) from its clusters.json, for --previous. */
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { UserError } from '../util/errors.ts';
import { ClusterChangeSchema, type ClusterChange } from './schema.ts';

const PreviousClustersSchema = z.object({
  clusters: z.array(z.object({ id: z.string(), members: z.array(z.string()), change: ClusterChangeSchema.optional() })),
});

export interface PreviousRun {
  /** Base name of the folder, as recorded in changes.json. */
  name: string;
  clusters: Array<{ id: string; members: string[]; change?: ClusterChange }>;
  /** The previous run's changes.json, when it has one (attribute carries it over). */
  changes: unknown;
}

export async function loadPrevious(dir: string): Promise<PreviousRun> {
  const file = join(dir, 'clusters.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UserError('E_PREVIOUS', `--previous ${dir}: no clusters.json there; give the output folder of an earlier build`);
  }
  let parsed;
  try {
    parsed = PreviousClustersSchema.safeParse(JSON.parse(text));
  } catch (error) {
    throw new UserError('E_PREVIOUS', `${file}: not valid JSON (${(error as Error).message.split('\n')[0]})`);
  }
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UserError('E_PREVIOUS', `${file}: ${issue.path.join('.')}: ${issue.message}`);
  }
  const changes = await readFile(join(dir, 'changes.json'), 'utf8').then((t) => JSON.parse(t) as unknown, () => null);
  return { name: basename(dir), clusters: parsed.data.clusters, changes };
}
