/**
 * The row contract: one zod schema per input row kind. Input is the row
 * with cells keyed by role (after column mapping); output is the validated,
 * normalised record without `extra` (and, for events, without `prefix`,
 * which the reader derives from `ip`).
 */
import { z } from 'zod';
import type { AccountRecord, EventRecord } from '../model.ts';
import {
  optionalCount,
  optionalDomain,
  optionalId,
  optionalIp,
  optionalText,
  optionalTime,
  requiredId,
  requiredTime,
} from './fields.ts';

export const EventRowSchema = z.object({
  timestamp: requiredTime,
  key_id: requiredId,
  account_id: optionalId,
  ip: optionalIp,
  user_agent: optionalText,
  model: optionalText,
  prompt: optionalText,
  input_tokens: optionalCount,
  output_tokens: optionalCount,
});

export const AccountRowSchema = z.object({
  account_id: requiredId,
  payment_fingerprint: optionalId,
  email_domain: optionalDomain,
  created_at: optionalTime,
  signup_ip: optionalIp,
  country: optionalText,
});

export type EventRow = z.output<typeof EventRowSchema>;
export type AccountRow = z.output<typeof AccountRowSchema>;

// The schemas must produce the model's records (compile-time check only).
const eventsMatch: Omit<EventRecord, 'prefix' | 'extra'> = {} as EventRow;
const accountsMatch: Omit<AccountRecord, 'extra'> = {} as AccountRow;
void eventsMatch;
void accountsMatch;
