/**
 * Schemas of the files a build writes: the contract that reports, the viewer,
 * attribution and outside tools read. Bump OUTPUT_VERSION on a breaking change.
 */
import { z } from 'zod';
import { AttributionSchema, CandidateSchema } from '../attribute/schema.ts';
import { ClusterChangeSchema } from '../track/schema.ts';

export const OUTPUT_VERSION = 1;

export const EvidenceValueSchema = z.object({
  value: z.string(),
  keys: z.number().int(),
  accounts: z.number().int(),
  requests: z.number().int(),
});

export const ClusterSchema = z.object({
  id: z.string(),
  rank: z.number().int().min(1),
  risk: z.number().min(0).max(1),
  size: z.number().int(),
  members: z.array(z.string()),
  accounts: z.array(z.string()),
  features: z.record(z.string(), z.unknown()),
  reasons: z.array(z.string()),
  evidence: z.record(z.string(), z.array(EvidenceValueSchema)),
  /** With --actors: the actor the cluster is attributed to, or null (src/attribute). */
  attribution: AttributionSchema.nullable().optional(),
  /** With --actors: other actors with evidence in the cluster, by confidence. */
  candidates: z.array(CandidateSchema).optional(),
  /** With --previous: whether the cluster continues one of the previous run (src/track). */
  change: ClusterChangeSchema.optional(),
});
export type Cluster = z.infer<typeof ClusterSchema>;

export const ClustersFileSchema = z.object({
  version: z.literal(OUTPUT_VERSION),
  clusters: z.array(ClusterSchema),
});
export type ClustersFile = z.infer<typeof ClustersFileSchema>;

/** Ground truth written by `sybilscope generate`. */
export const TruthGroupSchema = z.object({
  name: z.string(),
  kind: z.enum(['malicious', 'benign', 'ordinary']),
  description: z.string(),
  keys: z.array(z.string()),
  accounts: z.array(z.string()),
});
/** A prompt template planted by `sybilscope generate`. */
export const TruthTemplateSchema = z.object({
  name: z.string().describe('name of the planted template, e.g. ring-chain-of-thought'),
  reasoning: z.boolean().describe('the template asks the model to write out its reasoning'),
  group: z.string().describe('planted group whose keys send it (ordinary for the popular frames)'),
  framings: z.array(z.string()).describe('the paraphrased variants of its framing, "{}" where a filling goes'),
  prompts: z
    .array(z.string().regex(/^[0-9a-f]{16}$/))
    .describe(
      'first 16 hex digits of sha256 of each distinct prompt text planted with it, as read back (escapes undone, trimmed), sorted; ' +
        'at most 20000, the smallest hashes, so a full list says nothing of prompts hashing above its last entry',
    ),
});
export const TruthSchema = z.object({
  version: z.literal(1),
  seed: z.number().int(),
  groups: z.array(TruthGroupSchema),
  templates: z.array(TruthTemplateSchema).optional().describe('planted prompt templates (absent in truth files of older versions)'),
});
export type Truth = z.infer<typeof TruthSchema>;
export type TruthGroup = z.infer<typeof TruthGroupSchema>;
export type TruthTemplate = z.infer<typeof TruthTemplateSchema>;
