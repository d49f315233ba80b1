/**
 * Cell normalisers for input rows, one per kind of cell (id, text,
 * timestamp, IP, count, email domain). Plain functions, called from the one
 * object-level transform of each row schema (zod checks the cell types
 * first). A bad cell yields an `Invalid` whose message reads after the
 * column name: `"ip" is not an IPv4 or IPv6 address ("999.1.1.1")`.
 */
import { normaliseIp } from './ip.ts';
import { show } from './reasons.ts';
import { timestampMs } from './timestamp.ts';

/** Message for a required cell that is absent, null or empty. */
export const MISSING = 'missing';

/** A cell that failed; allocated only on failure. */
export class Invalid {
  constructor(
    readonly message: string,
    readonly input: unknown,
  ) {}
}

/** Count of Invalid cells made so far: a row transform compares it before and after, instead of testing every cell. */
export let invalidCount = 0;

function invalid(message: string, input: unknown): Invalid {
  invalidCount++;
  return new Invalid(message, input);
}

/** Base-type error for zod: absent values read as missing, others say what was expected. */
export const expected =
  (what: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined || issue.input === null ? MISSING : `must be ${what} (got ${show(issue.input)})`;

/** Trimmed text; numbers become their decimal text. Empty text is null. */
export function optionalText(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = typeof value === 'number' ? String(value) : value.trim();
  return text === '' ? null : text;
}

/** A required identifier (string, or number in JSONL). */
export function requiredId(value: string | number): string | Invalid {
  return optionalText(value) ?? invalid(MISSING, value);
}

/** An optional timestamp as epoch milliseconds. */
export function optionalTime(value: string | number | null | undefined): number | null | Invalid {
  if (value === null || value === undefined) return null;
  const cell = typeof value === 'string' ? value.trim() : value;
  if (cell === '') return null;
  const ms = timestampMs(cell);
  return Number.isNaN(ms)
    ? invalid(`is not an ISO 8601 time or epoch seconds/milliseconds in 2000–2100 (${show(value)})`, value)
    : ms;
}

/** A required timestamp as epoch milliseconds. */
export function requiredTime(value: string | number): number | Invalid {
  return optionalTime(value) ?? invalid(MISSING, value);
}

/** An optional IP address, normalised (see ip.ts). */
export function optionalIp(value: string | null | undefined): string | null | Invalid {
  const text = optionalText(value);
  if (text === null) return null;
  return normaliseIp(text) ?? invalid(`is not an IPv4 or IPv6 address (${show(value)})`, value);
}

const DIGITS = /^\d{1,15}$/;

/** An optional non-negative integer count (JSON number or decimal text). */
export function optionalCount(value: string | number | null | undefined): number | null | Invalid {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) && value >= 0
      ? value
      : invalid(`must be a non-negative integer (${show(value)})`, value);
  }
  const text = value.trim();
  if (text === '') return null;
  return DIGITS.test(text) ? Number(text) : invalid(`must be a non-negative integer (${show(value)})`, value);
}

const DOMAIN = /^[^\s@.][^\s@]*\.[^\s@]*[^\s@.]$/;

/** An optional email domain: lower-cased; a leading `@` or a full address is cut to the domain. */
export function optionalDomain(value: string | null | undefined): string | null | Invalid {
  const text = optionalText(value);
  if (text === null) return null;
  const domain = text.slice(text.lastIndexOf('@') + 1).toLowerCase();
  return DOMAIN.test(domain) ? domain : invalid(`is not an email domain (${show(value)})`, value);
}
