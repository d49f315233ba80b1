/**
 * Applies the row contract of a kind to mapped cells and hands the model
 * record to the sink, or returns a one-line reason naming the column.
 * Rows whose cell types pass the guard compiled from the schema are
 * normalised directly; all others (and any row with a bad cell) go through
 * the zod schema, which words the reason.
 */
import type { z } from 'zod';
import { ACCOUNT_ROLES, EVENT_ROLES } from '../model.ts';
import type { AccountRecord, EventRecord, InputKind } from '../model.ts';
import * as cell from './fields.ts';
import { ipPrefix } from './ip.ts';
import { compileGuard } from './row-guard.ts';
import {
  AccountCellsSchema,
  AccountRowSchema,
  EventCellsSchema,
  EventRowSchema,
  normaliseAccount,
  normaliseEvent,
  type AccountCells,
  type EventCells,
} from './schemas.ts';

export const ROLES: Record<InputKind, readonly string[]> = { events: EVENT_ROLES, accounts: ACCOUNT_ROLES };
export const REQUIRED: Record<InputKind, readonly string[]> = {
  events: ['timestamp', 'key_id'],
  accounts: ['account_id'],
};

export interface RecordSink {
  event?(record: EventRecord): void;
  account?(record: AccountRecord): void;
}

/** Validates mapped cells and hands the record to the sink; returns null, or the reason it was rejected. */
export type Validator = (cells: Record<string, unknown>, extra: Record<string, unknown>) => string | null;

const eventGuard = compileGuard(EventCellsSchema.shape);
const accountGuard = compileGuard(AccountCellsSchema.shape);

type EventOut = Omit<EventRecord, 'prefix' | 'extra'>;
type AccountOut = Omit<AccountRecord, 'extra'>;

/** A validator for one file: roles are named in reasons by the column that holds them. */
export function makeValidator(kind: InputKind, cols: readonly string[], sink: RecordSink): Validator {
  const labels = new Map<PropertyKey, string>();
  ROLES[kind].forEach((role, i) => {
    const col = cols[i];
    labels.set(role, col === role ? JSON.stringify(role) : `${JSON.stringify(col.slice(0, 80))} (${role})`);
  });

  function reason(error: z.ZodError): string {
    const issue = error.issues[0];
    const label = labels.get(issue.path[0] ?? '') ?? 'row';
    return issue.message === cell.MISSING ? `missing ${label}` : `${label} ${issue.message}`;
  }

  if (kind === 'events') {
    const emit = (r: EventOut, extra: Record<string, unknown>): null => {
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
    return (cells, extra) => {
      if (eventGuard(cells)) {
        const before = cell.invalidCount;
        const r = normaliseEvent(cells as EventCells);
        if (cell.invalidCount === before) return emit(r as EventOut, extra);
      }
      const result = EventRowSchema.safeParse(cells);
      return result.success ? emit(result.data, extra) : reason(result.error);
    };
  }
  const emit = (r: AccountOut, extra: Record<string, unknown>): null => {
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
  return (cells, extra) => {
    if (accountGuard(cells)) {
      const before = cell.invalidCount;
      const r = normaliseAccount(cells as AccountCells);
      if (cell.invalidCount === before) return emit(r as AccountOut, extra);
    }
    const result = AccountRowSchema.safeParse(cells);
    return result.success ? emit(result.data, extra) : reason(result.error);
  };
}
