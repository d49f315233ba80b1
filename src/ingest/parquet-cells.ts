/**
 * Parquet values as the row schemas expect them. hyparquet decodes strings
 * as strings, INT32/FLOAT/DOUBLE as numbers, INT64 as bigint and logical
 * timestamps through the parsers below; this file turns the rest into the
 * JSON-like values a JSONL row would hold, so one set of zod schemas judges
 * both: a timestamp becomes epoch milliseconds, a bigint a number (or its
 * decimal text past 2^53), bytes base64 text.
 */
import type { ParquetParsers } from 'hyparquet';

const MS_PER_DAY = 86_400_000;

/** Timestamp logical types (and INT96, DATE) straight to epoch milliseconds. */
export const PARSERS: Partial<ParquetParsers> = {
  timestampFromMilliseconds: (millis: bigint) => Number(millis),
  timestampFromMicroseconds: (micros: bigint) => Number(micros / 1000n),
  timestampFromNanoseconds: (nanos: bigint) => Number(nanos / 1_000_000n),
  dateFromDays: (days: number) => days * MS_PER_DAY,
};

/**
 * A plain INT64 in a time role (no logical type says its unit): epoch seconds,
 * milliseconds, microseconds or nanoseconds, told apart by magnitude. Over
 * 2000–2100 the four ranges do not overlap (seconds < 1e11 ≤ ms < 1e14 ≤ µs < 1e17 ≤ ns).
 */
export function int64TimeMs(value: bigint): number {
  const abs = value < 0n ? -value : value;
  if (abs >= 100_000_000_000_000_000n) return Number(value / 1_000_000n);
  if (abs >= 100_000_000_000_000n) return Number(value / 1000n);
  return Number(value); // seconds or milliseconds: timestampMs tells them apart
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** A bigint as a number when exact, else as decimal text (a 64-bit id keeps every digit). */
export function int64Value(value: bigint): number | string {
  return value <= MAX_SAFE && value >= -MAX_SAFE ? Number(value) : value.toString();
}

/** A role cell: bigints and dates made plain; anything else is left for the schema to judge. */
export function roleCell(value: unknown, time: boolean): unknown {
  if (typeof value === 'bigint') return time ? int64TimeMs(value) : int64Value(value);
  if (value instanceof Date) return value.getTime();
  return value;
}

/** An extra attribute as a JSON value: bigints, dates, bytes and nested lists/structs converted throughout. */
export function jsonValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'bigint':
      return int64Value(value);
    case 'object':
      break;
    default:
      return String(value);
  }
  if (value instanceof Date) return value.getTime();
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  if (Array.isArray(value) || ArrayBuffer.isView(value)) return Array.from(value as ArrayLike<unknown>, jsonValue);
  const out: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(value)) out[key] = jsonValue((value as Record<string, unknown>)[key]);
  return out;
}
