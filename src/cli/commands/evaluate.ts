/** `sybilscope evaluate`: score a build against the truth of a generated dataset. */
import { z } from 'zod';
import { evaluateRun, formatEvaluation } from '../../evaluate/index.ts';
import type { Command } from '../command.ts';

export const EvaluateOptionsSchema = z
  .object({
    dir: z.string().min(1).describe('a build’s output folder'),
    truth: z.string().min(1).describe('truth.json written by `sybilscope generate`'),
    json: z.boolean().default(false).describe('print the evaluation as JSON'),
  })
  .strict();

export const evaluateCommand: Command<typeof EvaluateOptionsSchema> = {
  name: 'evaluate',
  summary: 'per planted group: precision, recall, F1, rank and risk of its best cluster',
  usage: 'sybilscope evaluate DIR --truth FILE [--json]',
  schema: EvaluateOptionsSchema,
  positional: 'dir',
  async run(options, io) {
    const evaluation = await evaluateRun(options.dir, options.truth);
    io.stdout(options.json ? JSON.stringify(evaluation, null, 2) + '\n' : formatEvaluation(evaluation));
    return 0;
  },
};
