/** Reads OUT/clusters.json and a truth file, validates both, and evaluates. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { ClustersFileSchema, TruthSchema } from '../output/schemas.ts';
import { UserError } from '../util/errors.ts';
import { evaluateClusters } from './evaluate-clusters.ts';
import type { Evaluation } from './schema.ts';

/** `hint` says what to do when the file is missing. */
async function readJson<T>(path: string, schema: z.ZodType<T>, hint: string): Promise<T> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError('E_EVAL_INPUT', `${path}: ${code === 'ENOENT' ? 'not found' : `cannot be read (${code})`}; ${hint}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new UserError('E_EVAL_INPUT', `${path}: not valid JSON (${oneLine((err as Error).message)})`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const at = issue.path.length > 0 ? issue.path.join('.') : '(root)';
    throw new UserError('E_EVAL_INPUT', `${path}: ${at}: ${oneLine(issue.message)} (not a file this sybilscope version writes)`);
  }
  return parsed.data;
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

export async function evaluateRun(outDir: string, truthFile: string): Promise<Evaluation> {
  const clusters = await readJson(
    join(outDir, 'clusters.json'),
    ClustersFileSchema,
    `run "sybilscope build --out ${outDir}" first`,
  );
  const truth = await readJson(truthFile, TruthSchema, 'pass the truth.json written by "sybilscope generate"');
  return evaluateClusters(clusters, truth);
}
