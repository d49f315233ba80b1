/**
 * Reads OUT/clusters.json and a truth file, validates both, and evaluates the
 * clusters; when the truth lists planted prompt templates, also the template
 * mining (which re-reads the build's inputs, see evaluate-templates.ts).
 */
import { join } from 'node:path';
import { ClustersFileSchema, TruthSchema } from '../output/schemas.ts';
import { evaluateClusters } from './evaluate-clusters.ts';
import { evaluateTemplates } from './evaluate-templates.ts';
import { readJson } from './read-json.ts';
import type { Evaluation } from './schema.ts';

export async function evaluateRun(outDir: string, truthFile: string): Promise<Evaluation> {
  const clusters = await readJson(
    join(outDir, 'clusters.json'),
    ClustersFileSchema,
    `run "sybilscope build --out ${outDir}" first`,
  );
  const truth = await readJson(truthFile, TruthSchema, 'pass the truth.json written by "sybilscope generate"');
  const evaluation = evaluateClusters(clusters, truth);
  const templates = await evaluateTemplates(outDir, truth);
  return templates === null ? evaluation : { ...evaluation, templates };
}
