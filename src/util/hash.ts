/** Hashes: SHA-256 for ids and file digests, a 32-bit mix for hot loops. */
import { createHash } from 'node:crypto';

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** FNV-1a over a string, 32 bits. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Mix two 32-bit integers into one (murmur3 finaliser). */
export function mix32(a: number, b: number): number {
  return fmix32(Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b);
}

/** MurmurHash3's finaliser: avalanches the bits of a 32-bit value. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

/**
 * MurmurHash3 x86_32 (Appleby) of bytes[0 … length), seed 0: the value
 * ClickHouse's murmurHash3_32 gives the same bytes (in 18.16 and current
 * releases), so a rank built on it can be computed in SQL too.
 */
export function murmur3(bytes: Uint8Array, length: number): number {
  let h = 0;
  const blocks = length & ~3;
  for (let i = 0; i < blocks; i += 4) {
    let k = bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24);
    k = Math.imul(k, C1);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, C2);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  const tail = length & 3;
  if (tail > 0) {
    let k = bytes[blocks];
    if (tail > 1) k |= bytes[blocks + 1] << 8;
    if (tail > 2) k |= bytes[blocks + 2] << 16;
    k = Math.imul(k, C1);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, C2);
  }
  return fmix32(h ^ length);
}

const encoder = new TextEncoder();
let utf8 = new Uint8Array(1 << 12);

/** murmur3 of a string's UTF-8 bytes (a lone surrogate as U+FFFD's, as TextEncoder writes it). */
export function murmur3Utf8(text: string): number {
  if (3 * text.length > utf8.length) utf8 = new Uint8Array(Math.max(3 * text.length, 2 * utf8.length));
  return murmur3(utf8, encoder.encodeInto(text, utf8).written);
}
