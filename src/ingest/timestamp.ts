/**
 * Strict timestamps: ISO 8601 / RFC 3339 text (no zone means UTC) or Unix
 * epoch numbers (below 1e11 seconds, otherwise milliseconds). Anything
 * Date.parse would guess at ("tomorrow", "May 5") is refused.
 */

/** date, optional time (T or space), optional fraction, optional Z or ±hh[:]mm. */
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;
const EPOCH_TEXT = /^\d{1,16}(?:\.\d{1,9})?$/;
const MIN_MS = Date.UTC(2000, 0, 1);
const MAX_MS = Date.UTC(2101, 0, 1) - 1;
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function offsetMinutes(zone: string | undefined): number {
  if (zone === undefined || zone === 'Z' || zone === 'z') return 0;
  const digits = zone.replace(':', '');
  const hours = Number(digits.slice(1, 3));
  const minutes = digits.length > 3 ? Number(digits.slice(3, 5)) : 0;
  if (hours > 23 || minutes > 59) return NaN;
  return (zone[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/** Milliseconds since the epoch for strict ISO text, or NaN. */
export function parseIsoMs(text: string): number {
  const m = ISO.exec(text);
  if (m === null) return NaN;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return NaN;
  if (day > DAYS[month - 1] || (month === 2 && day === 29 && !isLeap(year))) return NaN;
  return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMinutes(m[8]) * 60_000;
}

/** Epoch seconds (< 1e11) or milliseconds to milliseconds, or NaN if not finite. */
export function epochToMs(value: number): number {
  if (!Number.isFinite(value)) return NaN;
  return Math.round(value < 1e11 ? value * 1000 : value);
}

/** Milliseconds for a timestamp cell (number, numeric text or ISO text), or NaN. */
export function timestampMs(value: string | number): number {
  const ms =
    typeof value === 'number'
      ? epochToMs(value)
      : EPOCH_TEXT.test(value)
        ? epochToMs(Number(value))
        : parseIsoMs(value);
  return ms >= MIN_MS && ms <= MAX_MS ? ms : NaN;
}
