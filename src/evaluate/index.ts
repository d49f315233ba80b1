/**
 * `sybilscope evaluate`: how well a build's clusters recover the groups that
 * `sybilscope generate` planted, whether malicious rings outrank benign
 * look-alikes, and how well prompt templates are mined back.
 */
export { evaluateClusters } from './evaluate-clusters.ts';
export { evaluateTemplates, scoreTemplates } from './evaluate-templates.ts';
export { formatEvaluation } from './format.ts';
export { evaluateRun } from './run.ts';
export {
  EvaluationSchema,
  GroupScoreSchema,
  PlantedTemplateScoreSchema,
  TemplateEvaluationSchema,
  type Evaluation,
  type GroupScore,
  type PlantedTemplateScore,
  type TemplateEvaluation,
} from './schema.ts';
