/**
 * The row contract: one zod schema per input row kind. Input is the row with
 * cells keyed by role (after column mapping). A zod object checks each
 * cell's type; one object-level transform then normalises the cells with
 * the helpers of fields.ts. (Per-cell zod transforms cost ~4 µs a row, one
 * transform ~1 µs; ingest must run at 300k rows/s, see row-guard.ts.)
 * Output is the model record without `extra` (and, for events, without
 * `prefix`, which derives from `ip`).
 */
import { z } from 'zod';
import type { AccountRecord, EventRecord } from '../model.ts';
import * as cell from './fields.ts';
import { Invalid, expected } from './fields.ts';

const id = z.union([z.string(), z.number()], { error: expected('a string or number') });
const time = z.union([z.string(), z.number()], { error: expected('an ISO 8601 string or epoch number') });
const text = z.string({ error: expected('a string') });
const count = z.union([z.number(), z.string()], { error: expected('a non-negative integer') });

type Ctx = z.core.$RefinementCtx;

/** Turns the Invalid cells of `out` into issues; returns z.NEVER. */
function reject(out: Record<string, unknown>, ctx: Ctx): never {
  for (const key of Object.keys(out)) {
    const value = out[key];
    if (value instanceof Invalid) {
      ctx.issues.push({ code: 'custom', message: value.message, input: value.input, path: [key] });
    }
  }
  return z.NEVER;
}

/** Cell types of an events row. */
export const EventCellsSchema = z.object({
  timestamp: time,
  key_id: id,
  account_id: id.nullish(),
  ip: text.nullish(),
  user_agent: text.nullish(),
  model: text.nullish(),
  prompt: text.nullish(),
  input_tokens: count.nullish(),
  output_tokens: count.nullish(),
});
export type EventCells = z.output<typeof EventCellsSchema>;

/** Normalised events row; cells that failed hold an Invalid (and bump cell.invalidCount). */
export function normaliseEvent(row: EventCells) {
  return {
    timestamp: cell.requiredTime(row.timestamp),
    key_id: cell.requiredId(row.key_id),
    account_id: cell.optionalText(row.account_id),
    ip: cell.optionalIp(row.ip),
    user_agent: cell.optionalText(row.user_agent),
    model: cell.optionalText(row.model),
    prompt: cell.optionalText(row.prompt),
    input_tokens: cell.optionalCount(row.input_tokens),
    output_tokens: cell.optionalCount(row.output_tokens),
  };
}

export const EventRowSchema = EventCellsSchema.transform((row, ctx) => {
  const before = cell.invalidCount;
  const out = normaliseEvent(row);
  if (cell.invalidCount !== before) return reject(out, ctx);
  return out as Omit<EventRecord, 'prefix' | 'extra'>;
});

/** Cell types of an accounts row. */
export const AccountCellsSchema = z.object({
  account_id: id,
  payment_fingerprint: id.nullish(),
  email_domain: text.nullish(),
  created_at: time.nullish(),
  signup_ip: text.nullish(),
  country: text.nullish(),
});
export type AccountCells = z.output<typeof AccountCellsSchema>;

/** Normalised accounts row; cells that failed hold an Invalid (and bump cell.invalidCount). */
export function normaliseAccount(row: AccountCells) {
  return {
    account_id: cell.requiredId(row.account_id),
    payment_fingerprint: cell.optionalText(row.payment_fingerprint),
    email_domain: cell.optionalDomain(row.email_domain),
    created_at: cell.optionalTime(row.created_at),
    signup_ip: cell.optionalIp(row.signup_ip),
    country: cell.optionalText(row.country),
  };
}

export const AccountRowSchema = AccountCellsSchema.transform((row, ctx) => {
  const before = cell.invalidCount;
  const out = normaliseAccount(row);
  if (cell.invalidCount !== before) return reject(out, ctx);
  return out as Omit<AccountRecord, 'extra'>;
});

export type EventRow = z.output<typeof EventRowSchema>;
export type AccountRow = z.output<typeof AccountRowSchema>;
