/**
 * Malformed rows planted among valid ones: each is a corrupted copy of a
 * valid line (or accounts row), so the file stays realistic. Ingest must
 * reject them (or null the bad field) without stopping.
 */
import { pick, randInt, type Rng } from '../util/rng.ts';

const EVENT_DAMAGE: readonly ((line: string, rng: Rng) => string)[] = [
  // invalid JSON: a truncated line
  (l, rng) => l.slice(0, 10 + randInt(rng, Math.max(1, l.length - 20))),
  // invalid JSON: single quotes and bare keys
  (l) => l.replace(/"key_id":"([^"]*)"/, "key_id:'$1'"),
  // missing key_id
  (l) => l.replace(/"key_id":"[^"]*",/, ''),
  // bad timestamps
  (l, rng) => l.replace(/^\{"timestamp":[^,]*,/, `{"timestamp":"${pick(rng, ['yesterday', '2026-13-45T99:00:00Z'])}",`),
  // bad IPs
  (l, rng) => l.replace(/"ip":"[^"]*"/, `"ip":"${pick(rng, ['999.1.1.1', 'not-an-ip'])}"`),
  // negative tokens
  (l) => l.replace(/"input_tokens":(\d+)/, '"input_tokens":-$1'),
  // tokens as an object
  (l) => l.replace(/"output_tokens":(\d+)/, '"output_tokens":{"value":$1}'),
  // a JSON array instead of an object
  (l) => `[${l}]`,
];

/** A corrupted copy of a valid events line. */
export function malformedEvent(line: string, rng: Rng): string {
  return EVENT_DAMAGE[randInt(rng, EVENT_DAMAGE.length)]!(line, rng);
}

/** A corrupted copy of a valid accounts row given as its six fields (no quoting needed). */
export function malformedAccountRow(fields: readonly string[], kind: number): string {
  const f = fields.slice();
  switch (kind % 5) {
    case 0:
      return f.slice(0, 3).join(','); // too few columns
    case 1:
      return [...f, 'extra', 'columns'].join(','); // too many columns
    case 2:
      f[0] = ''; // no account_id
      break;
    case 3:
      f[3] = 'not-a-date';
      break;
    default:
      f[4] = '999.1.1.1';
  }
  return f.join(',');
}
