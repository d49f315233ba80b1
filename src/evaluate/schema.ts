/** The result of scoring a build's clusters against the planted truth. */
import { z } from 'zod';

export const GroupScoreSchema = z.object({
  name: z.string().describe('planted group'),
  kind: z.enum(['malicious', 'benign']),
  keys: z.number().int().describe('keys planted in the group'),
  cluster: z.string().nullable().describe('id of the best-matching cluster (max F1), null when no cluster holds any of its keys'),
  rank: z.number().int().nullable().describe('rank of that cluster (1 = riskiest)'),
  risk: z.number().nullable().describe('risk of that cluster'),
  clusterSize: z.number().int().nullable().describe('keys in that cluster'),
  overlap: z.number().int().describe('group keys in that cluster'),
  precision: z.number().describe('overlap / cluster size'),
  recall: z.number().describe('overlap / group size; keys in no cluster count as missed'),
  f1: z.number(),
  ordinaryAbove: z
    .number()
    .int()
    .nullable()
    .describe('malicious groups: ordinary keys in clusters ranked at or above the best cluster (null for benign or not found)'),
});
export type GroupScore = z.infer<typeof GroupScoreSchema>;

export const PlantedTemplateScoreSchema = z.object({
  name: z.string().describe('planted template'),
  group: z.string().describe('planted group that sends it'),
  prompts: z.number().int().describe('its prompts in the mining sample'),
  mined: z.string().nullable().describe('id of the mined template holding most of them (null when none is assigned)'),
  share: z.number().describe('share of its sampled prompts in that mined template'),
  minedPrompts: z.number().int().describe('sampled prompts assigned to that mined template, all planted templates together'),
  reasoning: z.boolean().describe('planted as reasoning elicitation'),
  reasoningDetected: z.boolean().nullable().describe('the miner flagged that mined template as reasoning elicitation (null when none)'),
});
export type PlantedTemplateScore = z.infer<typeof PlantedTemplateScoreSchema>;

export const TemplateEvaluationSchema = z.object({
  sampled: z.number().int().describe('prompts in the mining sample (the build’s bottom-k per key)'),
  excluded: z
    .number()
    .int()
    .describe('sampled prompts left out because they hash above a full truth list (cannot be labelled)'),
  mined: z.number().int().describe('templates mined'),
  purity: z.number().describe('share of assigned prompts whose planted template is their mined template’s majority'),
  recall: z.number().describe('share of templated prompts in the largest mined template whose majority is their planted one'),
  ari: z.number().describe('adjusted Rand index over templated prompts, unassigned ones as singletons'),
  freeAssigned: z.number().describe('share of free-text prompts assigned to some template'),
  templated: z.number().int().describe('sampled prompts planted with a template'),
  assigned: z.number().int().describe('sampled prompts assigned to a mined template'),
  templates: z.array(PlantedTemplateScoreSchema).describe('one row per planted template, in truth order'),
});
export type TemplateEvaluation = z.infer<typeof TemplateEvaluationSchema>;

export const EvaluationSchema = z.object({
  version: z.literal(1),
  seed: z.number().int().describe('seed of the generated truth'),
  clusters: z.number().int().describe('clusters in the build'),
  groups: z.array(GroupScoreSchema).describe('one score per planted group: malicious ones first, then benign, each in truth order'),
  maliciousAboveBenign: z
    .boolean()
    .describe('every malicious group’s best cluster ranks above every benign group’s (a benign group with no cluster ranks below all)'),
  templates: TemplateEvaluationSchema.optional().describe('template mining against the planted templates (when the truth lists them)'),
});
export type Evaluation = z.infer<typeof EvaluationSchema>;
