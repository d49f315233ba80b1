/**
 * Zod field types for input rows, one per kind of cell (id, text, timestamp,
 * IP, count, email domain). Each accepts what JSONL or CSV may carry for that
 * cell, normalises it, and on failure leaves an issue whose message reads
 * after the column name: `"ip" is not an IPv4 or IPv6 address ("999.1.1.1")`.
 */
import { z } from 'zod';
import { normaliseIp } from './ip.ts';
import { show } from './reasons.ts';
import { timestampMs } from './timestamp.ts';

/** Issue message for a required cell that is absent, null or empty. */
export const MISSING = 'missing';

type Ctx = z.core.$RefinementCtx;

function fail(ctx: Ctx, message: string, input: unknown): never {
  ctx.issues.push({ code: 'custom', message, input });
  return z.NEVER;
}

/** Base-type error: absent values read as missing, others say what was expected. */
const expected =
  (what: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined || issue.input === null ? MISSING : `must be ${what} (got ${show(issue.input)})`;

const stringOrNumber = () => z.union([z.string(), z.number()], { error: expected('a string or number') });

/** Trimmed text; numbers become their decimal text. Empty text is null. */
function cellText(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = typeof value === 'number' ? String(value) : value.trim();
  return text === '' ? null : text;
}

/** A required identifier (string, or number in JSONL). */
export const requiredId = stringOrNumber().transform((value, ctx) => cellText(value) ?? fail(ctx, MISSING, value));

/** An optional identifier. */
export const optionalId = stringOrNumber().nullish().transform(cellText);

/** Optional free text (prompt, user agent, model): trimmed, empty is null. */
export const optionalText = z.string({ error: expected('a string') }).nullish().transform(cellText);

function timestamp(value: string | number, ctx: Ctx): number | null {
  const text = typeof value === 'string' ? value.trim() : value;
  if (text === '') return null;
  const ms = timestampMs(text);
  return Number.isNaN(ms)
    ? fail(ctx, `is not an ISO 8601 time or epoch seconds/milliseconds in 2000–2100 (${show(value)})`, value)
    : ms;
}

/** A required timestamp, as epoch milliseconds. */
export const requiredTime = stringOrNumber().transform((value, ctx) => timestamp(value, ctx) ?? fail(ctx, MISSING, value));

/** An optional timestamp, as epoch milliseconds or null. */
export const optionalTime = stringOrNumber()
  .nullish()
  .transform((value, ctx) => (value === null || value === undefined ? null : timestamp(value, ctx)));

/** An optional IP address, normalised (see ip.ts). */
export const optionalIp = z
  .string({ error: expected('a string') })
  .nullish()
  .transform((value, ctx) => {
    const text = cellText(value);
    if (text === null) return null;
    return normaliseIp(text) ?? fail(ctx, `is not an IPv4 or IPv6 address (${show(value)})`, value);
  });

const DIGITS = /^\d{1,15}$/;

/** An optional non-negative integer count (JSON number or decimal text). */
export const optionalCount = z
  .union([z.number(), z.string()], { error: expected('a non-negative integer') })
  .nullish()
  .transform((value, ctx) => {
    if (value === null || value === undefined) return null;
    if (typeof value === 'number') {
      return Number.isSafeInteger(value) && value >= 0
        ? value
        : fail(ctx, `must be a non-negative integer (${show(value)})`, value);
    }
    const text = value.trim();
    if (text === '') return null;
    return DIGITS.test(text) ? Number(text) : fail(ctx, `must be a non-negative integer (${show(value)})`, value);
  });

const DOMAIN = /^[^\s@.][^\s@]*\.[^\s@]*[^\s@.]$/;

/** An optional email domain: lower-cased; a leading `@` or a full address is cut to the domain. */
export const optionalDomain = z
  .string({ error: expected('a string') })
  .nullish()
  .transform((value, ctx) => {
    const text = cellText(value);
    if (text === null) return null;
    const domain = text.slice(text.lastIndexOf('@') + 1).toLowerCase();
    return DOMAIN.test(domain) ? domain : fail(ctx, `is not an email domain (${show(value)})`, value);
  });
