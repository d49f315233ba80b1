/**
 * Character k-gram shingles of normalised text, hashed with a Karp–Rabin
 * rolling polynomial (Karp & Rabin 1987) over UTF-16 code units and finished
 * with mix32, so no substring is ever allocated. Characters rather than words
 * because scripts without spaces (Chinese, Japanese) have no word boundaries.
 * Shingle i covers units [i, i + k); a text shorter than k is one shingle.
 *
 * Anchored mode keeps only the shingles that start two units before a token
 * (a token starts after a space, or at or after a CJK character), so each one
 * straddles a token boundary and no junction between a framing and its
 * filling goes unseen: about one position in five for English, every
 * position for Chinese. The choice depends on the text alone, so a framing
 * yields the same anchors in every prompt (the idea of content-defined
 * sampling, Schleimer et al. 2003), and corpus counting touches 5× less memory.
 */
import { mix32 } from '../util/hash.ts';

const mix = mix32; // read the import binding once, not per shingle
const BASE = 0x01000193;
const SALT = 0x5bd1e995;
const SPACE = 0x20;
const CJK = 0x2e80;

/** BASE^(k-1) mod 2^32, cached per k. */
const topPowers = new Map<number, number>();
function topPower(k: number): number {
  let p = topPowers.get(k);
  if (p === undefined) {
    p = 1;
    for (let i = 1; i < k; i++) p = Math.imul(p, BASE);
    topPowers.set(k, p);
  }
  return p;
}

/**
 * Writes the hashes of codes[0, len) into out and their start positions into
 * pos (both of length ≥ max(1, len − k + 1)); returns their count.
 */
export function shingleHashes(codes: Uint16Array, len: number, k: number, out: Uint32Array, pos?: Int32Array, anchored = false): number {
  if (len === 0) return 0;
  const first = Math.min(k, len);
  let h = 0;
  for (let i = 0; i < first; i++) h = (Math.imul(h, BASE) + codes[i]!) | 0;
  out[0] = mix(h, SALT);
  if (pos) pos[0] = 0;
  if (len <= k) return 1;
  const top = topPower(k);
  const last = len - k + 1;
  let n = 1;
  for (let i = 1; i < last; i++) {
    h = (Math.imul((h - Math.imul(codes[i - 1]!, top)) | 0, BASE) + codes[i + k - 1]!) | 0;
    if (anchored) {
      // Keep the shingle starting two units before a token start: it spans the boundary with the previous token.
      if (i + 2 >= len) continue;
      const prev = codes[i + 1]!;
      if (prev !== SPACE && prev < CJK && codes[i + 2]! < CJK) continue;
    }
    out[n] = mix(h, SALT);
    if (pos) pos[n] = i;
    n++;
  }
  return n;
}

/** Hash of one k-gram given as a string (tests and small paths). */
export function shingleHashOf(text: string): number {
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
  const out = new Uint32Array(1);
  shingleHashes(codes, text.length, text.length, out);
  return out[0]!;
}
