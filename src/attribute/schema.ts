/**
 * Schemas of attribution: the actors file an analyst writes (known groups and
 * their indicators), and what attribution adds to each cluster in
 * clusters.json and the view files.
 */
import { z } from 'zod';

export const INDICATOR_TYPES = [
  'key_id',
  'account_id',
  'ip',
  'cidr',
  'payment_fingerprint',
  'email_domain',
  'user_agent',
  'template',
  'asn',
] as const;
export type IndicatorType = (typeof INDICATOR_TYPES)[number];

const Instant = z.iso.datetime({ offset: true }).describe('ISO 8601 time with a zone, e.g. 2026-03-01T00:00:00Z');

export const IndicatorSchema = z
  .object({
    type: z.enum(INDICATOR_TYPES).describe('what the value is'),
    value: z.string().min(1).max(4096).describe('the identifier; for template, the framing text with {} or <*> where fillings go'),
    first_seen: Instant.optional().describe('only activity after this time matches'),
    last_seen: Instant.optional().describe('only activity before this time matches'),
    confidence: z.number().gt(0).max(1).default(1).describe('how sure the analyst is that the value belongs to the actor'),
    note: z.string().max(1000).optional(),
  })
  .strict()
  .refine((i) => i.first_seen === undefined || i.last_seen === undefined || Date.parse(i.first_seen) <= Date.parse(i.last_seen), {
    message: 'first_seen is after last_seen',
    path: ['first_seen'],
  });
export type Indicator = z.infer<typeof IndicatorSchema>;

export const ActorSchema = z
  .object({
    name: z.string().min(1).max(200),
    description: z.string().max(4000).default(''),
    indicators: z.array(IndicatorSchema).min(1, 'an actor needs at least one indicator'),
  })
  .strict();
export type Actor = z.infer<typeof ActorSchema>;

export const ActorsFileSchema = z
  .object({
    actors: z.array(ActorSchema).superRefine((actors, ctx) => {
      const seen = new Set<string>();
      actors.forEach((a, i) => {
        if (seen.has(a.name)) ctx.addIssue({ code: 'custom', message: `actor name "${a.name}" is used twice`, path: [i, 'name'] });
        seen.add(a.name);
      });
    }),
  })
  .strict();
export type ActorsFile = z.infer<typeof ActorsFileSchema>;

// ------------------------------------------------------------- outputs

export const MatchedIndicatorSchema = z.object({
  type: z.enum(INDICATOR_TYPES),
  /** The indicator's value as written in the actors file. */
  value: z.string(),
  /** What it matched in the cluster: counts, and the first ids (at most MAX_IDS each, sorted). */
  matched_in: z.object({
    key_count: z.number().int(),
    account_count: z.number().int(),
    keys: z.array(z.string()),
    accounts: z.array(z.string()),
  }),
  /** Distinct accounts holding the value(s) in the whole input (its rarity: 1 is unique). */
  accounts_holding: z.number().int(),
  /** The value is a hub in linking (held by more accounts than the type's maxAccounts). */
  hub: z.boolean(),
  /** max(share of the holders that are in this cluster, 1/(accounts_holding − 1)^0.5), in [0, 1]. */
  specificity: z.number(),
  /** type strength × indicator confidence × specificity, in [0, 1]. */
  weight: z.number(),
});
export type MatchedIndicator = z.infer<typeof MatchedIndicatorSchema>;

export const PropagationSchema = z.object({
  /** Matched keys the labels started from (at most MAX_IDS). */
  from: z.array(z.string()),
  /** Keys of the cluster reached with a label of at least 0.5, matched keys included. */
  keys: z.number().int(),
  /** Kept edges on the strongest paths from the matched keys to them. */
  edges: z.number().int(),
  /** Mean label over the cluster's keys (1 for a matched key). */
  share: z.number(),
  text: z.string(),
});

export const AttributionSchema = z.object({
  actor: z.string(),
  description: z.string(),
  /** evidence × share, in [0, 1]. */
  confidence: z.number(),
  /** 1 − Π(1 − weight) over the matched indicators. */
  evidence: z.number(),
  indicators: z.array(MatchedIndicatorSchema),
  propagated: PropagationSchema,
});
export type Attribution = z.infer<typeof AttributionSchema>;

export const CandidateSchema = z.object({
  actor: z.string(),
  confidence: z.number(),
  evidence: z.number(),
  indicators: z.number().int(),
});
export type Candidate = z.infer<typeof CandidateSchema>;

/** OUT/attribution.json: per actor, what matched where. */
export const AttributionFileSchema = z.object({
  version: z.literal(1),
  actors_file: z.object({ path: z.string(), sha256: z.string() }),
  min_confidence: z.number(),
  actors: z.array(
    z.object({
      name: z.string(),
      indicators: z.number().int(),
      /** Indicators that matched at least one key of the input. */
      matched: z.number().int(),
      /** Indicators that cannot match these logs, with why (asn: the logs carry no ASN). */
      unmatchable: z.array(z.object({ type: z.enum(INDICATOR_TYPES), value: z.string(), reason: z.string() })),
      /** Clusters attributed to the actor, by rank. */
      clusters: z.array(z.string()),
      /** Clusters where it is a runner-up candidate. */
      candidate_in: z.array(z.string()),
    }),
  ),
});
export type AttributionFile = z.infer<typeof AttributionFileSchema>;
