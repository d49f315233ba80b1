/**
 * Schemas of the files the viewer loads, written by the layout stage into
 * `OUT/view/`: `overview.json` (one node per cluster and the links between
 * clusters), `clusters/<id>.json` (one per cluster: keys with positions, the
 * strongest edges with their evidence, and the detail panels) and
 * `search.json`. Positions, sizes and colours are computed at build time, so
 * the viewer draws them as they are. The viewer imports the *types* from here.
 *
 * Field names are stable. A change to one is listed here, with the date:
 * 2026-11-28: clusters/<id>.json `attribution` holds an attribution (was always null);
 * overview nodes gain optional `actor` (with --actors) and `new` (with --previous).
 */
import { z } from 'zod';
import { AttributionSchema } from '../attribute/schema.ts';
import { EVIDENCE_TYPES } from '../config/schema.ts';

export const VIEW_VERSION = 1;

/** Cluster ids as written by the score stage; also the file name of a cluster's view file. */
export const CLUSTER_ID = /^c_[0-9a-f]{10}$/;
export const ClusterIdSchema = z.string().regex(CLUSTER_ID);

export const EvidenceTypeSchema = z.enum(EVIDENCE_TYPES);
export type ViewEvidenceType = z.infer<typeof EvidenceTypeSchema>;

/** `#rrggbb`. */
export const ColorSchema = z.string().regex(/^#[0-9a-f]{6}$/);
/** ISO 8601 UTC time, or null when unknown. */
const Time = z.string().nullable();
const Count = z.number().int().min(0);

// ---------------------------------------------------------------- overview.json

export const RampStopSchema = z.object({
  /** Risk at this stop, in [0, 1]. */
  at: z.number().min(0).max(1),
  color: ColorSchema,
});

export const OverviewNodeSchema = z.object({
  /** Cluster id (`c_` + 10 hex digits). */
  id: ClusterIdSchema,
  rank: z.number().int().min(1),
  risk: z.number().min(0).max(1),
  /** Keys in the cluster. */
  keys: Count,
  accounts: Count,
  requests: Count,
  /** The strongest reason, or null when the cluster has none. */
  first_reason: z.string().nullable(),
  x: z.number(),
  y: z.number(),
  /** Node size for sigma, grows with the number of keys. */
  size: z.number().positive(),
  /** Colour from `risk_ramp`. */
  color: ColorSchema,
  /** With --actors: the attributed actor's name, or null. */
  actor: z.string().nullable().optional(),
  /** With --previous: true when no cluster of the previous run continues into this one. */
  new: z.boolean().optional(),
});
export type OverviewNode = z.infer<typeof OverviewNodeSchema>;

/** Clusters linked by kept key–key edges that cross them or by shared non-hub values (`source` < `target`). */
export const OverviewLinkSchema = z.object({
  source: ClusterIdSchema,
  target: ClusterIdSchema,
  /** Sum of the weights of the crossing edges and of the shared values (type weight × rarity). */
  weight: z.number().min(0),
  /** Number of crossing edges. */
  edges: Count,
  /** Non-hub values of linking evidence types held by keys of both clusters. */
  shared_values: Count,
  /** Evidence types of those edges and values, in EVIDENCE_TYPES order. */
  types: z.array(EvidenceTypeSchema),
});
export type OverviewLink = z.infer<typeof OverviewLinkSchema>;

export const RunFactsSchema = z.object({
  /** Accepted events. */
  events: Count,
  /** Keys seen (clustered or not). */
  keys: Count,
  accounts: Count,
  clusters: Count,
  clustered_keys: Count,
  /** Kept key–key edges. */
  edges: Count,
  /** Evidence types present on kept edges, in EVIDENCE_TYPES order. */
  evidence_types: z.array(EvidenceTypeSchema),
  first_seen: Time,
  last_seen: Time,
  seed: z.number().int(),
  /** The build ran with templates.privacy: no prompt filling in any file. */
  privacy: z.boolean(),
});
export type RunFacts = z.infer<typeof RunFactsSchema>;

export const OverviewFileSchema = z.object({
  version: z.literal(VIEW_VERSION),
  run: RunFactsSchema,
  /** The fixed colour ramp of risk; node colours interpolate it linearly. */
  risk_ramp: z.array(RampStopSchema),
  /** By rank. */
  nodes: z.array(OverviewNodeSchema),
  /** By source, then target. */
  links: z.array(OverviewLinkSchema),
});
export type OverviewFile = z.infer<typeof OverviewFileSchema>;

// ---------------------------------------------------------- clusters/<id>.json

/** A value with the requests a key sent on it. */
export const KeyValueSchema = z.object({ value: z.string(), requests: Count });

export const KeyTemplateSchema = z.object({
  /** Template id (`t_` + 12 hex digits); its text is in the cluster's `templates`. */
  id: z.string(),
  /** Prompts of the key's sample under the template. */
  prompts: Count,
});

export const ClusterNodeSchema = z.object({
  /** Key id. */
  id: z.string(),
  account: z.string().nullable(),
  x: z.number(),
  y: z.number(),
  /** Node size for sigma, grows with requests. */
  size: z.number().positive(),
  /** The account's colour (see `accounts`). */
  color: ColorSchema,
  requests: Count,
  input_tokens: Count,
  output_tokens: Count,
  first_seen: Time,
  last_seen: Time,
  /** Hours with at least one request. */
  active_hours: Count,
  /** Distinct IPs of the key. */
  ip_count: Count,
  /** The key's busiest IPs (at most 5), by requests. */
  top_ips: z.array(KeyValueSchema),
  /** The key's busiest user agents (at most 3). */
  top_user_agents: z.array(KeyValueSchema),
  /** The key's templates (at most 5), by sampled prompts. */
  top_templates: z.array(KeyTemplateSchema),
  /** Edges of this key in the whole kept graph, and how many of them leave the cluster. */
  degree: Count,
  external_degree: Count,
});
export type ClusterNode = z.infer<typeof ClusterNodeSchema>;

/** One shared value of an edge, as in edges.jsonl. */
export const EdgeValueSchema = z.object({
  value: z.string(),
  /** Distinct accounts holding the value across the whole input. */
  accounts: Count,
  keys: Count,
  /** IP only: the two keys used it within the co-activity window. */
  coactive: z.boolean().optional(),
});

export const TypeEvidenceSchema = z.object({
  weight: z.number(),
  /** Values of this type the two keys share (the rarest few are listed). */
  shared: Count,
  values: z.array(EdgeValueSchema),
});

export const ClusterEdgeSchema = z.object({
  source: z.string(),
  target: z.string(),
  weight: z.number().positive(),
  /** Evidence types present, in EVIDENCE_TYPES order. */
  types: z.array(EvidenceTypeSchema),
  /** Per type, value by value: why the two keys are linked. */
  evidence: z.partialRecord(EvidenceTypeSchema, TypeEvidenceSchema),
});
export type ClusterEdge = z.infer<typeof ClusterEdgeSchema>;

export const EdgeStatsSchema = z.object({
  /** Kept edges with both ends in the cluster. */
  total: Count,
  /** Edges listed in `edges` (the strongest). */
  shown: Count,
  /** total − shown. */
  dropped: Count,
  /** The cap on shown edges. */
  cap: Count,
  /** Weight of the lightest shown edge (null when none). */
  min_shown_weight: z.number().nullable(),
});

export const ClusterAccountSchema = z.object({
  /** Account id; null groups the keys with no account. */
  id: z.string().nullable(),
  color: ColorSchema,
  keys: Count,
  requests: Count,
  email_domain: z.string().nullable(),
  created_at: Time,
  country: z.string().nullable(),
  /** Payment fingerprints and signup IPs of the account (from the accounts file). */
  payments: z.array(z.string()),
  signup_ips: z.array(z.string()),
});
export type ClusterAccount = z.infer<typeof ClusterAccountSchema>;

/** A value held by two or more keys of the cluster, with its counts in the cluster. */
export const SharedValueSchema = z.object({
  value: z.string(),
  keys: Count,
  accounts: Count,
  requests: Count,
});

export const SharedInfrastructureSchema = z.object({
  ips: z.array(SharedValueSchema),
  prefixes: z.array(SharedValueSchema),
  payments: z.array(SharedValueSchema),
  email_domains: z.array(SharedValueSchema),
  user_agents: z.array(SharedValueSchema),
  signup_ips: z.array(SharedValueSchema),
});

export const ClusterTemplateSchema = z.object({
  id: z.string(),
  /** Normalised framing with `<*>` slots; never a filling. */
  text: z.string(),
  reasoning: z.boolean(),
  /** Keys and accounts of the cluster whose sampled prompts follow it. */
  keys: Count,
  accounts: Count,
  /** Sampled prompts of the cluster's keys under it. */
  prompts: Count,
  /** Estimated requests of the cluster under it. */
  requests: Count,
});

export const TimelineSchema = z.object({
  /** Start of the first bucket (ISO, on the hour); null when the cluster has no timed request. */
  start: Time,
  /** Hours per bucket: 1, or more when the cluster spans over MAX_TIMELINE_BUCKETS hours. */
  bucket_hours: z.number().int().min(1),
  /** Requests per bucket. */
  requests: z.array(Count),
  /** Distinct keys active per bucket. */
  keys: z.array(Count),
});

export const ClusterFileSchema = z.object({
  version: z.literal(VIEW_VERSION),
  id: ClusterIdSchema,
  rank: z.number().int().min(1),
  risk: z.number().min(0).max(1),
  reasons: z.array(z.string()),
  /** As in clusters.json (counts and measures, with per-feature `scores`). */
  features: z.record(z.string(), z.unknown()),
  /** Legend: accounts by keys descending then id, each with its colour. */
  accounts: z.array(ClusterAccountSchema),
  /** Keys, by id. */
  nodes: z.array(ClusterNodeSchema),
  /** Strongest first (weight descending, then source, target). */
  edges: z.array(ClusterEdgeSchema),
  edge_stats: EdgeStatsSchema,
  shared: SharedInfrastructureSchema,
  /** Templates the cluster's keys use, by prompts descending then id. */
  templates: z.array(ClusterTemplateSchema),
  timeline: TimelineSchema,
  /** The actor the cluster is attributed to (as in clusters.json), or null: without --actors, or when no actor is confident enough. */
  attribution: AttributionSchema.nullable(),
});
export type ClusterFile = z.infer<typeof ClusterFileSchema>;

// ------------------------------------------------------------------ search.json

export const SEARCH_KINDS = ['key', 'account', 'ip', 'payment', 'template'] as const;
export const SearchKindSchema = z.enum(SEARCH_KINDS);

export const SearchEntrySchema = z.object({
  kind: SearchKindSchema,
  /** What is matched: key id, account id, IP, payment fingerprint or template text. */
  value: z.string(),
  cluster: ClusterIdSchema,
  /** The key the entry leads to when exactly one key of the cluster does (always for kind key); else null. */
  key: z.string().nullable(),
  /** Template id, for kind template. */
  template: z.string().nullable(),
});
export type SearchEntry = z.infer<typeof SearchEntrySchema>;

export const SearchFileSchema = z.object({
  version: z.literal(VIEW_VERSION),
  /** Sorted by kind, value, cluster, key; no duplicates. */
  entries: z.array(SearchEntrySchema),
});
export type SearchFile = z.infer<typeof SearchFileSchema>;
