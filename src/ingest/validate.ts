/**
 * Applies the row schema of a kind to mapped cells and turns the result into
 * a model record or a one-line rejection reason naming the column.
 */
import type { z } from 'zod';
import { ACCOUNT_ROLES, EVENT_ROLES } from '../model.ts';
import type { AccountRecord, EventRecord, InputKind } from '../model.ts';
import { MISSING } from './fields.ts';
import { ipPrefix } from './ip.ts';
import { AccountRowSchema, EventRowSchema } from './schemas.ts';

export const ROLES: Record<InputKind, readonly string[]> = { events: EVENT_ROLES, accounts: ACCOUNT_ROLES };
export const REQUIRED: Record<InputKind, readonly string[]> = {
  events: ['timestamp', 'key_id'],
  accounts: ['account_id'],
};

export interface RecordSink {
  event?(record: EventRecord): void;
  account?(record: AccountRecord): void;
}

/** Validates mapped cells and hands the record to `sink`; returns null, or the reason it was rejected. */
export type Validator = (cells: Record<string, unknown>, extra: Record<string, unknown>) => string | null;

/** A validator for one file: roles are named in reasons by the column that holds them. */
export function makeValidator(kind: InputKind, cols: readonly string[], sink: RecordSink): Validator {
  const roles = ROLES[kind];
  const labels = new Map<PropertyKey, string>();
  roles.forEach((role, i) => {
    const col = cols[i];
    labels.set(role, col === role ? JSON.stringify(role) : `${JSON.stringify(col.slice(0, 80))} (${role})`);
  });

  function reason(error: z.ZodError): string {
    const issue = error.issues[0];
    const label = labels.get(issue.path[0] ?? '') ?? 'row';
    return issue.message === MISSING ? `missing ${label}` : `${label} ${issue.message}`;
  }

  if (kind === 'events') {
    return (cells, extra) => {
      const result = EventRowSchema.safeParse(cells);
      if (!result.success) return reason(result.error);
      const r = result.data;
      sink.event?.({
        timestamp: r.timestamp,
        key_id: r.key_id,
        account_id: r.account_id,
        ip: r.ip,
        prefix: r.ip === null ? null : ipPrefix(r.ip),
        user_agent: r.user_agent,
        model: r.model,
        prompt: r.prompt,
        input_tokens: r.input_tokens,
        output_tokens: r.output_tokens,
        extra,
      });
      return null;
    };
  }
  return (cells, extra) => {
    const result = AccountRowSchema.safeParse(cells);
    if (!result.success) return reason(result.error);
    const r = result.data;
    sink.account?.({
      account_id: r.account_id,
      payment_fingerprint: r.payment_fingerprint,
      email_domain: r.email_domain,
      created_at: r.created_at,
      signup_ip: r.signup_ip,
      country: r.country,
      extra,
    });
    return null;
  };
}
