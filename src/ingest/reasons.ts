/**
 * Wording helpers for rejection reasons: values quoted inside a reason are
 * truncated and JSON-escaped so a reason is always one safe line, whatever
 * an attacker put in the logs.
 */

/** Longest value shown inside a reason, in characters. */
export const REASON_VALUE_CHARS = 80;

/** `text` cut to `max` characters, with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

/** A value as shown in a reason: strings JSON-quoted and truncated, numbers as written, objects by kind. */
export function show(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(truncate(value, REASON_VALUE_CHARS));
    case 'number':
    case 'boolean':
      return String(value);
    case 'object':
      return value === null ? 'null' : Array.isArray(value) ? 'an array' : 'an object';
    default:
      return typeof value;
  }
}

/** Free text (an exception message) made one line: control characters escaped, length capped. */
export function oneLine(text: string, max = 2 * REASON_VALUE_CHARS): string {
  // eslint-disable-next-line no-control-regex
  return truncate(text, max).replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) =>
    JSON.stringify(c).slice(1, -1),
  );
}
