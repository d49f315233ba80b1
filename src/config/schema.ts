/**
 * The config file: column mapping, evidence weights, hub limits, clustering
 * and risk weights. One zod schema is the type, the defaults and the docs.
 */
import { z } from 'zod';
import { ACCOUNT_ROLES, EVENT_ROLES } from '../model.ts';

/** Evidence types that link two API keys. */
export const EVIDENCE_TYPES = [
  'account',
  'payment',
  'ip',
  'prefix',
  'user_agent',
  'signup_ip',
  'email_domain',
  'template',
] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

const evidence = (weight: number, maxAccounts: number, what: string, supportOnly = false) =>
  z
    .object({
      weight: z.number().min(0).default(weight).describe(`weight of one shared ${what}`),
      supportOnly: z
        .boolean()
        .default(supportOnly)
        .describe(`a shared ${what} strengthens a link other evidence made, but never makes one alone`),
      maxAccounts: z
        .number()
        .int()
        .min(1)
        .default(maxAccounts)
        .describe(`a ${what} shared by more distinct accounts than this is a hub and is suppressed`),
    })
    .strict()
    .prefault({});

const roleMap = <R extends readonly string[]>(roles: R) =>
  z
    .partialRecord(z.enum(roles), z.string().min(1))
    .default({})
    .describe('role → column name in the input file');

export const FREEMAIL_DOMAINS = [
  '163.com', '126.com', 'aol.com', 'gmail.com', 'gmx.com', 'gmx.de', 'googlemail.com', 'hotmail.com',
  'icloud.com', 'live.com', 'mail.com', 'mail.ru', 'me.com', 'msn.com', 'outlook.com', 'proton.me',
  'protonmail.com', 'qq.com', 'sina.com', 'tutanota.com', 'web.de', 'yahoo.com', 'yandex.com', 'yandex.ru',
  'zoho.com', 'foxmail.com', 'yeah.net', 'sohu.com', 'naver.com', 'hey.com',
];

export const ConfigSchema = z
  .object({
    columns: z
      .object({ events: roleMap(EVENT_ROLES), accounts: roleMap(ACCOUNT_ROLES) })
      .strict()
      .prefault({})
      .describe('map your export’s column names to sybilscope’s roles'),
    ingest: z
      .object({
        maxLineBytes: z
          .number()
          .int()
          .min(1024)
          .default(1 << 20)
          .describe('a line (JSONL) or record (CSV) longer than this is rejected without being loaded whole'),
        rawPreviewChars: z.number().int().min(16).default(512).describe('raw text kept in rejected.jsonl'),
      })
      .strict()
      .prefault({}),
    evidence: z
      .object({
        account: evidence(2, 1, 'account (two keys of one account)'),
        payment: evidence(3, 100, 'payment method'),
        ip: evidence(0.4, 50, 'exact IP'),
        prefix: evidence(0.1, 25, 'IPv4 /24 or IPv6 /48', true),
        user_agent: evidence(0.1, 25, 'user agent', true),
        signup_ip: evidence(1.5, 50, 'signup IP'),
        email_domain: evidence(0.5, 25, 'email domain'),
        template: evidence(1.5, 25, 'prompt template'),
      })
      .strict()
      .prefault({}),
    freemailDomains: z
      .array(z.string())
      .default(FREEMAIL_DOMAINS)
      .describe('free-mail domains: always hubs for linking, and a risk signal when many accounts of a cluster use them'),
    templates: z
      .object({
        enabled: z.boolean().default(true).describe('mine prompt templates and link keys by them'),
        maxPromptsPerKey: z
          .number()
          .int()
          .min(1)
          .default(8)
          .describe('prompts per key kept for mining (bottom-k by a hash of the text, so any row order gives the same sample)'),
        maxPrompts: z
          .number()
          .int()
          .min(1)
          .default(2_000_000)
          .describe(
            'prompts kept for mining in all; above it, prompts per key are cut (down to 1) and then a hash threshold drops prompts uniformly, by steps chosen so that any row order gives the same sample',
          ),
        privacy: z
          .boolean()
          .default(false)
          .describe('keep only template texts and hashes in every output: no example fillings, and rejected rows as hashes'),
        seed: z.number().int().default(1).describe('seed of the prompt sampling and the MinHash hashes'),
      })
      .strict()
      .prefault({}),
    rarity: z
      .object({
        exponent: z
          .number()
          .min(0)
          .max(4)
          .default(0.5)
          .describe('a value shared by a accounts adds weight × 1/(a−1)^exponent to each pair it links (1 for a = 1)'),
      })
      .strict()
      .prefault({}),
    coactivity: z
      .object({
        windowMinutes: z.number().positive().default(10).describe('two keys on one IP within this window are co-active'),
        multiplier: z.number().min(1).default(3).describe('IP evidence of co-active keys is multiplied by this'),
      })
      .strict()
      .prefault({}),
    projection: z
      .object({
        maxCliqueKeys: z
          .number()
          .int()
          .min(2)
          .default(64)
          .describe('a value on more keys than this links them by a sparse random graph instead of a clique'),
        sparseDegree: z.number().int().min(1).default(8).describe('partners per key in that sparse graph'),
        maxEvidenceValues: z.number().int().min(1).default(3).describe('shared values kept per edge and type (the rarest)'),
        minEdgeWeight: z.number().min(0).default(0.6).describe('edges lighter than this are dropped before clustering (one rare IP and its /24 alone weigh 0.5)'),
      })
      .strict()
      .prefault({}),
    cluster: z
      .object({
        resolution: z
          .number()
          .positive()
          .default(0.3)
          .describe('Louvain resolution; higher gives smaller clusters (0.3 keeps a ring that is a large share of a small sample whole)'),
        minSize: z.number().int().min(2).default(3).describe('clusters with fewer keys are not reported'),
        minSupport: z
          .number()
          .int()
          .min(1)
          .default(2)
          .describe('an account stays in a cluster if it shares a payment method, or this many distinct IPs, domains or user agents, with the rest of it'),
      })
      .strict()
      .prefault({}),
    risk: z
      .object({
        weights: z
          .object({
            accounts: z.number().min(0).default(2),
            payment_reuse: z.number().min(0).default(3),
            freemail: z.number().min(0).default(1.5),
            creation_burst: z.number().min(0).default(2),
            ip_churn: z.number().min(0).default(2),
            shared_ips: z.number().min(0).default(1),
            volume: z.number().min(0).default(1),
            flat_hours: z.number().min(0).default(1.5),
            sync_bursts: z.number().min(0).default(1),
            reasoning: z.number().min(0).default(2),
            template_concentration: z.number().min(0).default(1),
          })
          .strict()
          .prefault({})
          .describe('weight of each risk feature; risk = Σ weight·score / Σ weight'),
        burstHours: z.number().positive().default(72).describe('accounts created within this many hours form a burst'),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type Config = z.infer<typeof ConfigSchema>;
export type ConfigInput = z.input<typeof ConfigSchema>;
export type RiskFeature = keyof Config['risk']['weights'];

export const DEFAULT_CONFIG: Config = Object.freeze(ConfigSchema.parse({})) as Config;
