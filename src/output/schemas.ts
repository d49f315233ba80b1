/**
 * Schemas of the files a build writes: the contract that reports, the viewer,
 * attribution and outside tools read. Bump OUTPUT_VERSION on a breaking change.
 */
import { z } from 'zod';

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
export const TruthSchema = z.object({
  version: z.literal(1),
  seed: z.number().int(),
  groups: z.array(TruthGroupSchema),
});
export type Truth = z.infer<typeof TruthSchema>;
export type TruthGroup = z.infer<typeof TruthGroupSchema>;
