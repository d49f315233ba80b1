/**
 * `OUT/reports/<clusterId>.json`: one cluster written up for machines. The
 * HTML, Markdown and CSV documents are rendered from this same object, so
 * they say the same things. Field names are stable; bump REPORT_VERSION on a
 * breaking change.
 */
import { z } from 'zod';
import { AttributionSchema, CandidateSchema } from '../attribute/schema.ts';
import { CLUSTER_ID, ClusterTemplateSchema } from '../layout/schema.ts';
import { ClusterChangeSchema } from '../track/schema.ts';

export const REPORT_VERSION = 1;

const Count = z.number().int().min(0);
const Time = z.string().nullable();

export const MemberSchema = z.object({
  key: z.string(),
  account: z.string().nullable(),
  /** Creation time of the key's account (accounts file), or null. */
  account_created_at: Time,
  email_domain: z.string().nullable(),
  requests: Count,
  input_tokens: Count,
  output_tokens: Count,
  first_seen: Time,
  last_seen: Time,
  active_hours: Count,
  ip_count: Count,
  /** The key's busiest IP and user agent, or null. */
  top_ip: z.string().nullable(),
  top_user_agent: z.string().nullable(),
});
export type Member = z.infer<typeof MemberSchema>;

export const ReportAccountSchema = z.object({
  id: z.string().nullable(),
  keys: Count,
  requests: Count,
  email_domain: z.string().nullable(),
  created_at: Time,
  country: z.string().nullable(),
  payments: z.array(z.string()),
  signup_ips: z.array(z.string()),
});

/** A value two or more keys of the cluster hold. */
export const SharedValueSchema = z.object({
  value: z.string(),
  /** Keys, accounts and requests of this cluster on the value. */
  keys: Count,
  accounts: Count,
  requests: Count,
  /** Distinct accounts holding the value in the whole input, when an edge's evidence lists it; else null. */
  input_accounts: Count.nullable(),
  /** accounts / input_accounts: 1 when no account outside the cluster holds it; null when unknown. */
  cluster_share: z.number().min(0).max(1).nullable(),
});
export type SharedValue = z.infer<typeof SharedValueSchema>;

export const SHARED_KINDS = ['ips', 'prefixes', 'payments', 'email_domains', 'user_agents', 'signup_ips'] as const;
export type SharedKind = (typeof SHARED_KINDS)[number];
export const SharedSchema = z.object(Object.fromEntries(SHARED_KINDS.map((k) => [k, z.array(SharedValueSchema)])) as Record<SharedKind, z.ZodArray<typeof SharedValueSchema>>);

/** A template as the cluster's view file has it, with a few example fillings. */
export const ReportTemplateSchema = ClusterTemplateSchema.extend({
  /** A few example fillings, truncated; always empty when the build ran with privacy. */
  examples: z.array(z.string()),
});

export const LinkValueSchema = z.object({ value: z.string(), accounts: Count, keys: Count, coactive: z.boolean().optional() });
export const LinkSchema = z.object({
  source: z.string(),
  target: z.string(),
  weight: z.number(),
  /** Per evidence type: its weight and the shared values (rarest first). */
  evidence: z.record(z.string(), z.object({ weight: z.number(), shared: Count, values: z.array(LinkValueSchema) })),
});
export type Link = z.infer<typeof LinkSchema>;

export const TimelineSchema = z.object({
  /** Start of the first bucket (ISO), or null when no request is timed. */
  start: Time,
  /** Hours per bucket (1 for hourly; 24 for daily). */
  bucket_hours: z.number().int().min(1),
  requests: z.array(Count),
  /** Distinct keys active per bucket (the most of any hour within it, for daily buckets). */
  keys: z.array(Count),
  /**
   * With `--by-account` only: requests per bucket of the busiest accounts (by requests; null
   * for keys with no account), each with its colour in the viewer, then `other` for the rest.
   */
  by_account: z
    .object({
      accounts: z.array(z.object({ account: z.string().nullable(), color: z.string(), requests: z.array(Count) })),
      other: z.object({ accounts: Count, requests: z.array(Count) }).nullable(),
    })
    .optional(),
});

export const ManifestFooterSchema = z.object({
  sybilscope_version: z.string(),
  output_version: z.number().int(),
  seed: z.number().int(),
  config_file: z.string().nullable(),
  privacy: z.boolean(),
  inputs: z.array(z.object({ path: z.string(), kind: z.string(), bytes: Count, sha256: z.string() })),
  /** Report options: which clusters were selected. */
  report: z.object({ top: z.number().int().nullable(), min_risk: z.number() }),
});
export type ManifestFooter = z.infer<typeof ManifestFooterSchema>;

export const ClusterReportSchema = z.object({
  version: z.literal(REPORT_VERSION),
  id: z.string().regex(CLUSTER_ID),
  rank: z.number().int().min(1),
  risk: z.number().min(0).max(1),
  reasons: z.array(z.string()),
  summary: z.object({
    keys: Count,
    accounts: Count,
    keys_without_account: Count,
    requests: Count,
    input_tokens: Count,
    output_tokens: Count,
    first_seen: Time,
    last_seen: Time,
  }),
  /** Per-feature risk scores in [0, 1], as in clusters.json. */
  scores: z.record(z.string(), z.number()),
  members: z.array(MemberSchema),
  accounts: z.array(ReportAccountSchema),
  shared: SharedSchema,
  templates: z.array(ReportTemplateSchema),
  timeline: TimelineSchema,
  /** The strongest links (weight descending) and how many the cluster has in all. */
  links: z.array(LinkSchema),
  links_total: Count,
  /** As in clusters.json, when the build ran with --actors and an actor matched; absent otherwise. */
  attribution: AttributionSchema.optional(),
  /** Other actors with evidence in the cluster (build --actors), by confidence. */
  candidates: z.array(CandidateSchema).optional(),
  /** How the cluster continues the previous run's (build --previous). */
  change: ClusterChangeSchema.optional(),
  manifest: ManifestFooterSchema,
});
export type ClusterReport = z.infer<typeof ClusterReportSchema>;
