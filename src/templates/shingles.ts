/**
 * Character k-gram shingles of normalised text, hashed with a Karp–Rabin
 * rolling polynomial (Karp & Rabin 1987) over UTF-16 code units and finished
 * with mix32, so no substring is ever allocated. Characters rather than words
 * because scripts without spaces (Chinese, Japanese) have no word boundaries.
 * Shingle i covers units [i, i + k); a text shorter than k is one shingle.
 */
import { mix32 } from '../util/hash.ts';

const BASE = 0x01000193;
const SALT = 0x5bd1e995;

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

/** Writes the hashes of codes[0, len) into out (length ≥ max(1, len − k + 1)); returns their count. */
export function shingleHashes(codes: Uint16Array, len: number, k: number, out: Uint32Array): number {
  if (len === 0) return 0;
  const first = Math.min(k, len);
  let h = 0;
  for (let i = 0; i < first; i++) h = (Math.imul(h, BASE) + codes[i]!) | 0;
  out[0] = mix32(h, SALT);
  if (len <= k) return 1;
  const top = topPower(k);
  const count = len - k + 1;
  for (let i = 1; i < count; i++) {
    h = (Math.imul((h - Math.imul(codes[i - 1]!, top)) | 0, BASE) + codes[i + k - 1]!) | 0;
    out[i] = mix32(h, SALT);
  }
  return count;
}

/** Hash of one k-gram given as a string (tests and small paths). */
export function shingleHashOf(text: string): number {
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
  const out = new Uint32Array(1);
  shingleHashes(codes, text.length, text.length, out);
  return out[0]!;
}
