/**
 * Text normalisation for template mining: lower case, every whitespace run →
 * one space (trimmed at both ends), every digit run → a single '0'. So "1." and
 * "12.", "Foo  bar" and "foo\nbar" look alike, and numbers that vary between
 * prompts ("at 42 km/h") stop mattering. Works on UTF-16 code units into a
 * caller-owned Uint16Array so the hot loop allocates no strings; an optional
 * map records, for each output unit, the input index it came from (used to
 * cut fillings out of the original prompt).
 */

/**
 * Per code unit of the BMP: its lower-case form, or SPACE_MARK / DIGIT_MARK
 * for whitespace and digits, so the hot loop does one table read per unit.
 * Lower case from the JS runtime for Latin, Greek, Cyrillic and Armenian.
 */
const SPACE_MARK = 0xffff;
const DIGIT_MARK = 0xfffe;
const TABLE = (() => {
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) t[c] = c;
  for (let c = 0; c < 0x600; c++) {
    const l = String.fromCharCode(c).toLowerCase();
    if (l.length === 1) t[c] = l.charCodeAt(0);
  }
  for (let c = 0; c < 0x10000; c++) {
    if (isSpaceCode(c)) t[c] = SPACE_MARK;
    else if (isDigitCode(c)) t[c] = DIGIT_MARK;
  }
  return t;
})();

const SPACE = 0x20;
const ZERO = 0x30;

export function isSpaceCode(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200b) || c === 0xfeff;
}

export function isDigitCode(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

/** Letters and digits of spaced scripts, where a word is several code units. */
export function isWordCode(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0xc0 && c < 0x530 && c !== 0xd7 && c !== 0xf7);
}

/** Width of a unit in "Latin characters": CJK, kana, hangul and full-width forms carry about three. */
export function unitWeight(c: number): number {
  return c >= 0x2e80 ? 3 : 1;
}

/**
 * Normalise `text` into `out` (length ≥ text.length) and return the length
 * written. `map`, if given (length ≥ text.length), receives source indices.
 */
export function normaliseInto(text: string, out: Uint16Array, map?: Int32Array): number {
  const table = TABLE;
  let n = 0;
  let pendingSpace = false;
  let inDigits = false;
  for (let i = 0; i < text.length; i++) {
    let c = table[text.charCodeAt(i)]!;
    if (c === SPACE_MARK) {
      pendingSpace = n > 0;
      inDigits = false;
      continue;
    }
    if (c === DIGIT_MARK) {
      if (inDigits && !pendingSpace) continue;
      c = ZERO;
      inDigits = true;
    } else inDigits = false;
    if (pendingSpace) {
      if (map) map[n] = i - 1;
      out[n++] = SPACE;
      pendingSpace = false;
    }
    if (map) map[n] = i;
    out[n++] = c;
  }
  return n;
}

/** Code units to a string, in chunks so long texts do not overflow the argument limit. */
export function codesToString(codes: Uint16Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i += 4096) s += String.fromCharCode.apply(null, codes.subarray(i, Math.min(end, i + 4096)) as unknown as number[]);
  return s;
}

export function normalise(text: string): string {
  const out = new Uint16Array(text.length);
  return codesToString(out, 0, normaliseInto(text, out));
}
