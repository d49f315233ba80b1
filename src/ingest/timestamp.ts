/**
 * Strict timestamps: ISO 8601 / RFC 3339 text (no zone means UTC) or Unix
 * epoch numbers (below 1e11 seconds, otherwise milliseconds). Anything
 * Date.parse would guess at ("tomorrow", "May 5") is refused.
 */

const EPOCH_TEXT = /^\d{1,16}(?:\.\d{1,9})?$/;
const MIN_MS = Date.UTC(2000, 0, 1);
const MAX_MS = Date.UTC(2101, 0, 1) - 1;
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The decimal number in text[from, from + length), or -1 if any of it is not a digit. */
function digits(text: string, from: number, length: number): number {
  let value = 0;
  for (let i = from; i < from + length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return -1;
    value = value * 10 + d;
  }
  return value;
}

/**
 * Milliseconds since the epoch for strict ISO 8601 text, or NaN. The grammar,
 * read by hand (a capturing regex cost more than the rest of the row):
 * `YYYY-MM-DD` then optionally `[T t space]hh:mm[:ss[(.|,)fraction]]` and a
 * zone `Z`, `±hh`, `±hhmm` or `±hh:mm`. No zone means UTC.
 */
export function parseIsoMs(text: string): number {
  const n = text.length;
  if (n < 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return NaN;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  let hour = 0;
  let minute = 0;
  let second = 0;
  let ms = 0;
  let offset = 0;
  let i = 10;
  if (n > 10) {
    const sep = text.charCodeAt(10);
    if ((sep !== 84 && sep !== 116 && sep !== 32) || n < 16 || text.charCodeAt(13) !== 58) return NaN;
    hour = digits(text, 11, 2);
    minute = digits(text, 14, 2);
    i = 16;
    if (text.charCodeAt(i) === 58) {
      second = digits(text, 17, 2);
      if (n < 19) return NaN;
      i = 19;
      const dot = text.charCodeAt(i);
      if (dot === 46 || dot === 44) {
        let places = 0;
        for (i++; i < n && places < 9; i++, places++) {
          const d = text.charCodeAt(i) - 48;
          if (!(d >= 0 && d <= 9)) break;
          if (places < 3) ms += d * (places === 0 ? 100 : places === 1 ? 10 : 1);
        }
        if (places === 0) return NaN;
      }
    }
    if (i < n) {
      const zone = text.charCodeAt(i);
      if ((zone === 90 || zone === 122) && i + 1 === n) {
        i = n;
      } else if (zone === 43 || zone === 45) {
        const rest = n - i - 1; // hh, hhmm or hh:mm
        const oh = rest >= 2 ? digits(text, i + 1, 2) : -1;
        const om =
          rest === 2 ? 0 : rest === 4 ? digits(text, i + 3, 2) : rest === 5 && text.charCodeAt(i + 3) === 58 ? digits(text, i + 4, 2) : -1;
        if (oh < 0 || om < 0 || oh > 23 || om > 59) return NaN;
        offset = (zone === 45 ? -1 : 1) * (oh * 60 + om);
        i = n;
      } else {
        return NaN;
      }
    }
  }
  if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23) return NaN;
  if (minute < 0 || minute > 59 || second < 0 || second > 59) return NaN;
  if (day > DAYS[month - 1] || (month === 2 && day === 29 && !isLeap(year))) return NaN;
  return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset * 60_000;
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
