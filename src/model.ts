/**
 * The records that flow between stages. Ingest turns raw rows into these
 * (validated, normalised); every later stage only sees these.
 */

/** Roles of an events row, in the input contract. */
export const EVENT_ROLES = [
  'timestamp',
  'key_id',
  'account_id',
  'ip',
  'user_agent',
  'model',
  'prompt',
  'input_tokens',
  'output_tokens',
] as const;
export type EventRole = (typeof EVENT_ROLES)[number];

/** Roles of an accounts row. */
export const ACCOUNT_ROLES = [
  'account_id',
  'payment_fingerprint',
  'email_domain',
  'created_at',
  'signup_ip',
  'country',
] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

/** One accepted API request. Strings are trimmed; empty strings became null. */
export interface EventRecord {
  /** Milliseconds since the Unix epoch (UTC). */
  timestamp: number;
  key_id: string;
  account_id: string | null;
  /** Canonical text form: dotted quad for IPv4, compact lower-case RFC 5952 form for IPv6; IPv4-mapped IPv6 becomes IPv4. */
  ip: string | null;
  /** IPv4 /24 or IPv6 /48 of `ip`, e.g. `203.0.113.0/24`, `2001:db8:1::/48`. */
  prefix: string | null;
  user_agent: string | null;
  model: string | null;
  prompt: string | null;
  input_tokens: number | null;
  output_tokens: number | null;
  /** Columns with no role, kept as they came. */
  extra: Record<string, unknown>;
}

/** One accepted accounts row. An account may have several rows (one per payment method). */
export interface AccountRecord {
  account_id: string;
  payment_fingerprint: string | null;
  /** Lower-cased, without a leading `@`. */
  email_domain: string | null;
  /** Milliseconds since the Unix epoch, or null. */
  created_at: number | null;
  signup_ip: string | null;
  country: string | null;
  extra: Record<string, unknown>;
}

export type InputKind = 'events' | 'accounts';

/** A row that did not pass validation. `raw` is truncated. */
export interface Rejection {
  file: string;
  line: number;
  reason: string;
  raw: string;
}

/** Per input file counts; read = accepted + rejected + blank, always. */
export interface FileStats {
  file: string;
  kind: InputKind;
  format: 'jsonl' | 'csv' | 'parquet' | 'clickhouse';
  read: number;
  accepted: number;
  rejected: number;
  blank: number;
}
