/**
 * `sybilscope evaluate`: how well a build's clusters recover the groups that
 * `sybilscope generate` planted, and whether malicious rings outrank benign
 * look-alikes.
 */
export { evaluateClusters } from './evaluate-clusters.ts';
export { formatEvaluation } from './format.ts';
export { evaluateRun } from './run.ts';
export { EvaluationSchema, GroupScoreSchema, type Evaluation, type GroupScore } from './schema.ts';
