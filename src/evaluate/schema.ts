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

export const EvaluationSchema = z.object({
  version: z.literal(1),
  seed: z.number().int().describe('seed of the generated truth'),
  clusters: z.number().int().describe('clusters in the build'),
  groups: z.array(GroupScoreSchema).describe('one score per planted group: malicious ones first, then benign, each in truth order'),
  maliciousAboveBenign: z
    .boolean()
    .describe('every malicious group’s best cluster ranks above every benign group’s (a benign group with no cluster ranks below all)'),
});
export type Evaluation = z.infer<typeof EvaluationSchema>;
