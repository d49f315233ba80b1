/**
 * The fillings of a prompt under a frame: locate the pieces in order in the
 * normalised prompt, and cut the stretches between them out of the original
 * text through the normalisation map. Used for template examples.
 */
import { codesToString } from './normalise.ts';
import type { Scratch } from './scratch.ts';

/** Fillings joined by " | ", at most maxChars characters; null if the pieces are not all found in order. */
export function fillingsOf(prompt: string, pieces: readonly string[], leading: boolean, trailing: boolean, s: Scratch, k: number, maxChars: number): string | null {
  s.load(prompt, k, true);
  const norm = codesToString(s.codes, 0, s.len);
  const spans: Array<[number, number]> = [];
  let cursor = 0;
  for (let i = 0; i < pieces.length; i++) {
    const at = norm.indexOf(pieces[i]!, cursor);
    if (at < 0) return null;
    if (i > 0 || leading) spans.push([cursor, at]);
    cursor = at + pieces[i]!.length;
  }
  if (trailing) spans.push([cursor, s.len]);
  const parts = spans.map(([a, b]) => {
    if (b <= a) return '';
    const text = prompt.slice(s.map[a]!, s.map[b - 1]! + 1).trim();
    return text.replace(/\s+/g, ' ');
  });
  const joined = parts.join(' | ');
  return joined.length > maxChars ? joined.slice(0, maxChars - 1) + '…' : joined;
}
