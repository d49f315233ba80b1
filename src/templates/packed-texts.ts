/**
 * Many strings in one byte buffer with offsets, all in shared memory, so
 * worker threads read the prompts without a structured clone of millions of
 * strings: text i is bytes[offsets[i], offsets[i + 1]). Texts are UTF-8,
 * except those with a lone surrogate (attacker-written prompts can have
 * them, and UTF-8 would turn them into U+FFFD), which are stored as their
 * UTF-16 code units, little-endian, so every text reads back exactly.
 */
export interface PackedTexts {
  bytes: Uint8Array;
  offsets: Float64Array;
  /** 1 where text i is stored as UTF-16 code units. */
  utf16: Uint8Array;
}

export function packTexts(texts: readonly string[]): PackedTexts {
  const n = texts.length;
  const offsets = new Float64Array(new SharedArrayBuffer(8 * (n + 1)));
  const utf16 = new Uint8Array(new SharedArrayBuffer(Math.max(1, n)));
  let total = 0;
  for (let i = 0; i < n; i++) {
    const t = texts[i]!;
    offsets[i] = total;
    if (isWellFormed(t)) total += Buffer.byteLength(t, 'utf8');
    else (utf16[i] = 1), (total += 2 * t.length);
  }
  offsets[n] = total;
  const bytes = new Uint8Array(new SharedArrayBuffer(total));
  const encoder = new TextEncoder();
  for (let i = 0; i < n; i++) {
    const t = texts[i]!;
    const at = offsets[i]!;
    if (!utf16[i]) encoder.encodeInto(t, bytes.subarray(at, offsets[i + 1]!));
    else for (let j = 0; j < t.length; j++) (bytes[at + 2 * j] = t.charCodeAt(j) & 0xff), (bytes[at + 2 * j + 1] = t.charCodeAt(j) >>> 8);
  }
  return { bytes, offsets, utf16 };
}

const decoder = new TextDecoder();

/** String.prototype.isWellFormed (Node 20; not in the ES2022 library types). */
function isWellFormed(t: string): boolean {
  return (t as string & { isWellFormed(): boolean }).isWellFormed();
}

export function textAt(p: PackedTexts, i: number): string {
  const from = p.offsets[i]!;
  const to = p.offsets[i + 1]!;
  if (!p.utf16[i]) return decoder.decode(p.bytes.subarray(from, to));
  let s = '';
  for (let j = from; j < to; j += 2) s += String.fromCharCode(p.bytes[j]! | (p.bytes[j + 1]! << 8));
  return s;
}
